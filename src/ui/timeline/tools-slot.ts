import { createContext } from 'react';

/**
 * Where the timeline's zoom controls go: an element in the Timeline panel's header (null: render them
 * above the lanes). A context so the lazily loaded lanes need not know the panel.
 */
export const TimelineToolsSlot = createContext<HTMLElement | null>(null);
