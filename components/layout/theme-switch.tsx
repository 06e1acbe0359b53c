'use client';

import { THEME_LABELS, THEME_PREFERENCES } from '@/lib/theme';
import { cn } from '@/components/ui/cn';
import { useTheme } from './theme-provider';

/** System, light or dark: native radio buttons, so arrow keys move between them. */
export function ThemeSwitch({ className }: { className?: string }) {
  const { preference, setPreference } = useTheme();
  return (
    <fieldset className={cn('space-y-1', className)}>
      <legend className="text-sm font-medium">Theme</legend>
      <div className="flex gap-1 rounded-md border border-border p-1">
        {THEME_PREFERENCES.map((option) => (
          <label
            key={option}
            className={cn(
              'flex flex-1 cursor-pointer items-center justify-center gap-1.5 rounded px-2 py-1 text-sm',
              preference === option ? 'bg-border/60 font-medium text-fg' : 'text-muted hover:bg-border/30',
            )}
          >
            <input
              type="radio"
              name="theme"
              value={option}
              checked={preference === option}
              onChange={() => setPreference(option)}
              className="size-3.5 accent-primary"
            />
            {THEME_LABELS[option]}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
