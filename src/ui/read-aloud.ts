/**
 * Reading the narration aloud with the browser's speech synthesis (Web Speech API): while it is on, each
 * new narration text is spoken, cutting off the previous one. Browsers without it get no button.
 */
import { useEffect } from 'react';

export function canReadAloud(): boolean {
  return typeof window !== 'undefined' && 'speechSynthesis' in window && 'SpeechSynthesisUtterance' in window;
}

export function useReadAloud(on: boolean, text: string): void {
  useEffect(() => {
    if (!on || !canReadAloud()) return;
    const synth = window.speechSynthesis;
    synth.cancel();
    synth.speak(new SpeechSynthesisUtterance(text));
  }, [on, text]);
  // Turning it off (or leaving the lesson) stops the voice at once.
  useEffect(() => {
    if (on || !canReadAloud()) return;
    window.speechSynthesis.cancel();
  }, [on]);
}
