import type { ParameterRow } from './api-reference-model';
import { InlineText } from './inline-text';
import type { FieldRow } from './schema-rows';

function Constraint({ rule }: { rule: string }) {
  // A pattern is code to copy, not prose.
  const pattern = /^(each: )?pattern (.+)$/.exec(rule);
  if (!pattern) return <>{rule}</>;
  return (
    <>
      {pattern[1] ?? ''}pattern <code className="font-mono text-xs break-all">{pattern[2]}</code>
    </>
  );
}

const CELL = 'px-3 py-2 align-top';

function None() {
  return (
    <span className="text-muted">
      <span aria-hidden="true">—</span>
      <span className="sr-only">none</span>
    </span>
  );
}

/**
 * Fields (or parameters) as a table: path, type, required, constraints, description. Nested
 * fields carry their full path (`travellers[].itinerary[].from`) and are indented by depth.
 */
export function FieldTable({ caption, rows }: { caption: string; rows: readonly (FieldRow | ParameterRow)[] }) {
  const withLocation = rows.some((row) => 'location' in row);
  return (
    <div className="relative overflow-x-auto rounded-md border border-border">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-surface text-xs uppercase tracking-wide text-muted">
          <tr>
            <th scope="col" className="px-3 py-2 font-semibold">
              {withLocation ? 'Name' : 'Field'}
            </th>
            {withLocation ? (
              <th scope="col" className="px-3 py-2 font-semibold">
                In
              </th>
            ) : null}
            <th scope="col" className="px-3 py-2 font-semibold">
              Type
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              Required
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              Constraints
            </th>
            <th scope="col" className="px-3 py-2 font-semibold">
              Description
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={'location' in row ? `${row.location}:${row.path}` : row.path} className="border-t border-border">
              <th scope="row" className={`${CELL} font-normal`} style={{ paddingLeft: `${0.75 + row.depth * 1}rem` }}>
                <code className="font-mono text-xs font-medium [overflow-wrap:anywhere]">{row.path}</code>
              </th>
              {withLocation ? <td className={CELL}>{'location' in row ? row.location : ''}</td> : null}
              <td className={`${CELL} whitespace-nowrap`}>{row.type}</td>
              <td className={CELL}>{row.required ? <strong className="font-semibold">Required</strong> : <span className="text-muted">Optional</span>}</td>
              <td className={CELL}>
                {row.constraints.length > 0 ? (
                  <ul className="space-y-0.5">
                    {row.constraints.map((rule) => (
                      <li key={rule}>
                        <Constraint rule={rule} />
                      </li>
                    ))}
                  </ul>
                ) : (
                  <None />
                )}
              </td>
              <td className={`${CELL} min-w-48`}>{row.description ? <InlineText text={row.description} /> : <None />}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
