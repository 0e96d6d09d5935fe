/**
 * What the share/embed feature adds to the UI state: the panels a person hid, the note a link carries, and
 * the notice shown after a bad link or a reset (with an optional action, e.g. "Restore my saved code").
 */
import { create } from 'zustand';
import type { PanelId } from './link';

export interface Notice {
  /** Plain text; never HTML. */
  text: string;
  tone: 'error' | 'info';
  action?: { label: string; run: () => void };
}

export interface ShareUiState {
  hiddenPanels: PanelId[];
  note: string;
  notice: Notice | null;
  shareOpen: boolean;
  /** The page is the embed (compact chrome, no autosave). */
  embedded: boolean;
}

export const useShare = create<ShareUiState>()(() => ({
  hiddenPanels: [],
  note: '',
  notice: null,
  shareOpen: false,
  embedded: false,
}));

export function setNotice(notice: Notice | null): void {
  useShare.setState({ notice });
}

export function togglePanel(id: PanelId, shown: boolean): void {
  const hidden = useShare.getState().hiddenPanels.filter((p) => p !== id);
  useShare.setState({ hiddenPanels: shown ? hidden : [...hidden, id] });
}

export const usePanelShown = (id: PanelId) => useShare((s) => !s.hiddenPanels.includes(id));
