'use client';

import { useEffect, useRef } from 'react';

export interface Shortcut {
  key: string;
  description: string;
  run: () => void;
}

// Typing in a field, or any open dialog, must never trigger a single-letter shortcut.
function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

// How many shortcut sets listen now. While any does, <html data-shortcuts="on"> says the keys
// are live: a key pressed before the page has hydrated does nothing, and a test (or anyone
// automating the page) can wait for this instead of guessing from network quiet.
let listening = 0;
function markListening(delta: 1 | -1) {
  listening += delta;
  if (listening > 0) document.documentElement.dataset.shortcuts = 'on';
  else delete document.documentElement.dataset.shortcuts;
}

/** Single-key shortcuts (no modifiers), inactive while typing or while a modal dialog is open. */
export function useShortcuts(shortcuts: readonly Shortcut[], enabled = true): void {
  const current = useRef(shortcuts);
  useEffect(() => {
    current.current = shortcuts;
  });
  useEffect(() => {
    if (!enabled) return;
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
      if (isTypingTarget(event.target)) return;
      // Radix marks its open dialogs with data-state rather than aria-modal.
      if (document.querySelector('[role="dialog"][aria-modal="true"], [role="dialog"][data-state="open"], [role="alertdialog"]')) return;
      const shortcut = current.current.find((candidate) => candidate.key === event.key);
      if (!shortcut) return;
      event.preventDefault();
      shortcut.run();
    }
    window.addEventListener('keydown', onKeyDown);
    markListening(1);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      markListening(-1);
    };
  }, [enabled]);
}
