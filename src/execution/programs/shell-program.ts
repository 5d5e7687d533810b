import { Type } from 'typebox';
import { prepareShellScript } from '../prepare-shell-script.js';
import { runShellProcess } from '../process/run-shell-process.js';
import type { StepProgramDefinition } from './step-program-definition.js';

/** A rewritten bash script and its environment: values reach bash only as variables the script quotes. */
const ShellProgramSchema = Type.Object({
  kind: Type.Literal('shell'),
  script: Type.String(),
  env: Type.Record(Type.String(), Type.String()),
});

/** Shell steps: run by bash, in the runner's sandbox when it has one, with the configured environment. */
export const shellProgram: StepProgramDefinition<typeof ShellProgramSchema> = {
  schema: ShellProgramSchema,
  async prepare({ step, values, services, ignoreUnknown, secrets, rules }) {
    const script = await prepareShellScript(step, values, services.denyPatterns, {
      ignoreUnknown,
      secrets,
      rules,
      defaults: services.environment,
    });
    return {
      program: { kind: 'shell', script: script.script, env: { ...services.environment, ...script.env } },
      secrets: script.secrets,
      stepSecrets: script.stepSecrets,
      preview: script.preview,
    };
  },
  run(program, { cwd, launch, ...common }) {
    return runShellProcess({
      ...common,
      script: program.script,
      env: program.env,
      ...(cwd === undefined ? {} : { cwd }),
      ...(launch === undefined ? {} : { launch }),
    });
  },
  connection: () => null,
};
