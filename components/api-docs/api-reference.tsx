import { Link } from '@/components/ui/app-link';
import type { ApiReferenceView } from './api-reference-model';
import { FieldTable } from './field-table';
import { InlineText } from './inline-text';
import { MethodLabel, OperationSection } from './operation-section';

/** The API reference page's body: contents, authentication, each operation, the shared schemas. */
export function ApiReference({ reference, canManageTokens }: { reference: ApiReferenceView; canManageTokens: boolean }) {
  return (
    <div className="grid gap-8 lg:grid-cols-[16rem_minmax(0,1fr)]">
      <nav aria-label="Operations" className="self-start text-sm lg:sticky lg:top-4">
        <p className="mb-2 font-semibold">On this page</p>
        <ul className="space-y-1">
          <li>
            <a href="#authentication" className="text-primary underline-offset-4 hover:underline">
              Authentication
            </a>
          </li>
          {reference.operations.map((operation) => (
            <li key={operation.anchor}>
              <a href={`#${operation.anchor}`} className="flex items-start gap-2 text-primary underline-offset-4 hover:underline">
                <MethodLabel method={operation.method} />{' '}
                <span className="font-mono text-xs [overflow-wrap:anywhere]">{operation.path}</span>
              </a>
            </li>
          ))}
          <li>
            <a href="#schemas" className="text-primary underline-offset-4 hover:underline">
              Schemas
            </a>
          </li>
        </ul>
      </nav>

      <div className="min-w-0 space-y-10">
        <section aria-labelledby="authentication" className="space-y-2">
          <h2 id="authentication" className="scroll-mt-4 text-xl font-semibold">
            Authentication
          </h2>
          {reference.paragraphs.map((paragraph) => (
            <p key={paragraph} className="max-w-3xl text-sm">
              <InlineText text={paragraph} />
            </p>
          ))}
          {reference.security.map((scheme) => (
            <p key={scheme.name} className="max-w-3xl text-sm">
              <strong className="font-semibold">{scheme.name === 'bearer' ? 'Bearer token' : scheme.name}: </strong>
              {scheme.description ? <InlineText text={scheme.description} /> : null}
            </p>
          ))}
          <p className="max-w-3xl text-sm">
            Each operation names the scope its token needs; a token without it is answered 403, a missing, revoked or expired one 401.{' '}
            {canManageTokens ? (
              <Link href="/admin/api-tokens" className="text-primary underline underline-offset-4">
                Create and revoke tokens
              </Link>
            ) : (
              'An administrator creates the tokens'
            )}
            .
          </p>
        </section>

        <section aria-labelledby="operations" className="space-y-6">
          <h2 id="operations" className="text-xl font-semibold">
            Operations
          </h2>
          {reference.operations.map((operation) => (
            <OperationSection key={operation.anchor} operation={operation} />
          ))}
        </section>

        <section aria-labelledby="schemas" className="space-y-6">
          <h2 id="schemas" className="scroll-mt-4 text-xl font-semibold">
            Schemas
          </h2>
          <p className="max-w-3xl text-sm text-muted">The answers’ bodies, shared by several operations.</p>
          {reference.schemas.map((schema) => (
            <section key={schema.name} id={schema.anchor} aria-labelledby={`${schema.anchor}-heading`} className="scroll-mt-4 space-y-2">
              <h3 id={`${schema.anchor}-heading`} className="font-mono text-lg font-semibold">
                {schema.name}
              </h3>
              {schema.description ? (
                <p className="text-sm">
                  <InlineText text={schema.description} />
                </p>
              ) : null}
              {schema.rows.length > 0 ? <FieldTable caption={`Fields of ${schema.name}`} rows={schema.rows} /> : <p className="text-sm text-muted">No fields.</p>}
            </section>
          ))}
        </section>
      </div>
    </div>
  );
}
