/** The generated fastapi starter installs from PyPI through the registry gateway and passes its tests in a python sandbox. */
import { fastapiTemplate } from '../../activities/scaffold/templates/fastapi.template';
import { testLocalBackend } from '../../test/fixtures/sandbox-backends';

test('the fastapi starter installs (pip through the gateway) and passes its tests', async () => {
  const local = testLocalBackend();
  const sandbox = await local.backend.create({ runtime: 'python' });
  try {
    for (const file of fastapiTemplate.render({ name: 'Py Starter', description: '', features: [] })) await sandbox.writeFile(file.path, file.content);
    const install = await sandbox.installDependencies({ timeoutMs: 300_000 });
    expect({ code: install.exitCode, tail: install.stderr.slice(-1500) }).toEqual({ code: 0, tail: expect.any(String) });
    const tests = await sandbox.runTests();
    expect({ code: tests.exitCode, out: tests.stdout.slice(-1500) }).toEqual({ code: 0, out: expect.stringMatching(/1 passed/) });
  } finally {
    await sandbox.destroy();
    await local.dispose();
  }
});
