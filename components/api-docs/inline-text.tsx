import { Fragment } from 'react';

/** Text from the OpenAPI document with its `code` spans (Markdown backticks) as code. */
export function InlineText({ text }: { text: string }) {
  const parts = text.split(/`([^`]+)`/);
  return parts.map((part, index) =>
    index % 2 === 1 ? (
      <code key={index} className="rounded bg-surface px-1 font-mono text-[0.85em]">
        {part}
      </code>
    ) : (
      <Fragment key={index}>{part}</Fragment>
    ),
  );
}
