import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hasPermission, PERMISSIONS, ROLE_PERMISSIONS } from './permissions';
import { navigationFor } from './navigation';

test('deny by default: no role, or an unknown permission, is refused', () => {
  assert.equal(hasPermission(null, 'hits.list'), false);
  assert.equal(hasPermission(undefined, 'hits.list'), false);
  assert.equal(hasPermission('ANALYST', 'no.such-permission' as never), false);
});

test('every granted permission is a known one', () => {
  for (const granted of Object.values(ROLE_PERMISSIONS)) {
    for (const permission of granted) assert.ok(PERMISSIONS.includes(permission), permission);
  }
});

test('the separations of DESIGN.md hold', () => {
  assert.equal(hasPermission('ANALYST', 'escalations.approve'), false, 'analysts never approve');
  assert.equal(hasPermission('SUPERVISOR', 'escalations.approve'), true);
  assert.equal(hasPermission('PRIVACY_OFFICER', 'hits.decide'), false, 'privacy officers never decide hits');
  assert.equal(hasPermission('PRIVACY_OFFICER', 'access-log.read'), true);
  for (const permission of ['hits.list', 'hits.read', 'hits.reveal', 'escalations.list'] as const) {
    assert.equal(hasPermission('ADMINISTRATOR', permission), false, `administrators never read personal data (${permission})`);
  }
  // A supervisor can do everything an analyst can.
  for (const permission of ROLE_PERMISSIONS.ANALYST) assert.ok(hasPermission('SUPERVISOR', permission), permission);
});

test('navigation shows exactly the sections a role may use', () => {
  const labels = (role: Parameters<typeof navigationFor>[0]) => navigationFor(role).map((item) => item.label);
  assert.deepEqual(labels('ANALYST'), ['Hits']);
  assert.deepEqual(labels('SUPERVISOR'), ['Hits', 'Escalations', 'Metrics']);
  assert.deepEqual(labels('PRIVACY_OFFICER'), ['Access log', 'Metrics', 'Retention']);
  assert.deepEqual(labels('ADMINISTRATOR'), ['Admin']);
  assert.deepEqual(labels(null), []);
});
