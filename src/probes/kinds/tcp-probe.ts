import { Type, type Static } from 'typebox';
import { runTcpCheck } from '../checks/tcp-check.js';
import { defineProbeKind } from './probe-kind-definition.js';
import { host, port } from './target-fields.js';

export const TcpTargetSchema = Type.Object(
  { kind: Type.Literal('tcp'), host, port },
  { additionalProperties: false, title: 'TcpTarget' },
);
export type TcpTarget = Static<typeof TcpTargetSchema>;

/** `nc -z host port`: the port accepts connections. */
export const tcpProbe = defineProbeKind({
  label: 'TCP port',
  target: TcpTargetSchema,
  check: (target, options) => runTcpCheck(target, options),
  secretFields: {},
  placeholders: ['CONNECTED', 'RESPONSE_TIME', 'IP'],
  defaultConditions: ['[CONNECTED] == true'],
});
