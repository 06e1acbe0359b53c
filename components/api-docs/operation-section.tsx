import { API_TOKEN_SCOPES } from '@/lib/schemas/api-token-values';
import type { OperationView, ResponseView } from './api-reference-model';
import { schemaAnchor } from './api-reference-model';
import { FieldTable } from './field-table';
import { InlineText } from './inline-text';

function scopeDescription(scope: string): string | null {
  return scope in API_TOKEN_SCOPES ? API_TOKEN_SCOPES[scope as keyof typeof API_TOKEN_SCOPES] : null;
}

export function MethodLabel({ method }: { method: string }) {
  return <span className="inline-block min-w-14 rounded border border-border bg-surface px-1.5 py-0.5 text-center font-mono text-xs font-semibold">{method}</span>;
}

function ResponseBody({ response }: { response: ResponseView }) {
  if (response.schemaName) {
    return (
      <a href={`#${schemaAnchor(response.schemaName)}`} className="font-mono text-xs text-primary underline underline-offset-4">
        {response.schemaName}
      </a>
    );
  }
  return response.contentType ? <span className="font-mono text-xs">{response.contentType}</span> : <span className="text-muted">No body</span>;
}

/** One operation: what it does, the scope it needs, what it takes and what it answers. */
export function OperationSection({ operation }: { operation: OperationView }) {
  const heading = `${operation.anchor}-heading`;
  const name = `${operation.method} ${operation.path}`;
  return (
    <section id={operation.anchor} aria-labelledby={heading} className="scroll-mt-4 space-y-4 rounded-md border border-border p-4">
      <div>
        <h3 id={heading} className="flex flex-wrap items-center gap-2 text-lg font-semibold">
          {/* Spaces between the parts, so the heading reads as words to assistive technology. */}
          <MethodLabel method={operation.method} />{' '}
          <code className="font-mono text-base [overflow-wrap:anywhere]">{operation.path}</code>{' '}
          {operation.summary ? <span className="font-normal text-muted">— {operation.summary}</span> : null}
        </h3>
        {operation.paragraphs.map((paragraph) => (
          <p key={paragraph} className="mt-2 max-w-3xl text-sm">
            <InlineText text={paragraph} />
          </p>
        ))}
        <p className="mt-2 text-sm">
          <strong className="font-semibold">Scope: </strong>
          {operation.scopes.length === 0
            ? 'none; no token needed.'
            : operation.scopes.map((scope, index) => (
                <span key={scope}>
                  {index > 0 ? ', ' : ''}
                  <code className="rounded bg-surface px-1 font-mono text-xs">{scope}</code>
                  {scopeDescription(scope) ? <span className="text-muted"> ({scopeDescription(scope)})</span> : null}
                </span>
              ))}
        </p>
      </div>

      <div className="space-y-2">
        <h4 className="font-semibold">Parameters</h4>
        {operation.parameters.length > 0 ? <FieldTable caption={`Parameters of ${name}`} rows={operation.parameters} /> : <p className="text-sm text-muted">None.</p>}
      </div>

      {operation.bodies.length > 0 ? (
        <div className="space-y-2">
          <h4 className="font-semibold">Request body</h4>
          {operation.bodies.map((body) => (
            <div key={body.contentType} className="space-y-2">
              <p className="text-sm">
                <code className="rounded bg-surface px-1 font-mono text-xs">{body.contentType}</code>
                {body.rows.length === 0 ? (
                  <>
                    {' '}
                    — {body.summary.type}
                    {body.summary.description ? (
                      <>
                        : <InlineText text={body.summary.description} />
                      </>
                    ) : null}
                  </>
                ) : (
                  <>
                    {' '}
                    — an object{body.summary.constraints.includes('no other fields') ? '; an unknown field is refused, not ignored' : ''}.
                  </>
                )}
              </p>
              {body.rows.length > 0 ? <FieldTable caption={`Body fields of ${name}`} rows={body.rows} /> : null}
            </div>
          ))}
        </div>
      ) : null}

      <div className="space-y-2">
        <h4 className="font-semibold">Responses</h4>
        <div className="relative overflow-x-auto rounded-md border border-border">
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Responses of {name}</caption>
            <thead className="bg-surface text-xs uppercase tracking-wide text-muted">
              <tr>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Status
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Description
                </th>
                <th scope="col" className="px-3 py-2 font-semibold">
                  Body
                </th>
              </tr>
            </thead>
            <tbody>
              {operation.responses.map((response) => (
                <tr key={response.status} className="border-t border-border align-top">
                  <th scope="row" className="px-3 py-2 text-left font-mono font-semibold">
                    {response.status}
                  </th>
                  <td className="px-3 py-2">
                    <InlineText text={response.description} />
                  </td>
                  <td className="px-3 py-2">
                    <ResponseBody response={response} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {operation.responses
          .filter((response) => response.rows.length > 0)
          .map((response) => (
            <FieldTable key={response.status} caption={`Fields of the ${response.status} answer of ${name}`} rows={response.rows} />
          ))}
      </div>
    </section>
  );
}
