import { createSocket, type Socket } from 'node:dgram';

/** The records of one name the responder knows; `rcode` answers that code instead. */
export interface DnsRecords {
  A?: string[];
  AAAA?: string[];
  CNAME?: string;
  NS?: string[];
  MX?: { priority: number; exchange: string }[];
  /** Each record is a list of character strings (chunks of at most 255 bytes). */
  TXT?: string[][];
  SRV?: { priority: number; weight: number; port: number; name: string }[];
  rcode?: 'SERVFAIL' | 'REFUSED';
}

export interface DnsResponder {
  /** `127.0.0.1:<port>`, as a DNS target's `server`. */
  server: string;
  /** Questions received, as `name TYPE`. */
  questions: string[];
  close(): Promise<void>;
}

const typeCodes: Readonly<Record<string, number>> = { A: 1, NS: 2, CNAME: 5, MX: 15, TXT: 16, AAAA: 28, SRV: 33 };
const rcodes = { NOERROR: 0, SERVFAIL: 2, NXDOMAIN: 3, REFUSED: 5 } as const;

/**
 * A tiny authoritative DNS server on UDP 127.0.0.1: answers the records of `zone` (names
 * lower-case, no trailing dot), NOERROR without answers for a known name lacking the type, and
 * NXDOMAIN for unknown names. With `silent`, it never answers (for timeouts).
 */
export async function startDnsResponder(
  zone: Record<string, DnsRecords>,
  options: { silent?: boolean } = {},
): Promise<DnsResponder> {
  const socket = createSocket('udp4');
  const questions: string[] = [];
  socket.on('message', (query, peer) => {
    const question = parseQuestion(query);
    if (question === null) return;
    const typeName = Object.keys(typeCodes).find((name) => typeCodes[name] === question.type) ?? String(question.type);
    questions.push(`${question.name} ${typeName}`);
    if (options.silent === true) return;
    socket.send(answer(query, question.end, zone[question.name.toLowerCase()], typeName), peer.port, peer.address);
  });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
  return { server: `127.0.0.1:${socket.address().port}`, questions, close: () => closeSocket(socket) };
}

function closeSocket(socket: Socket): Promise<void> {
  return new Promise((resolve) => socket.close(() => resolve()));
}

/** The first question's name, type, and the offset where it ends. */
function parseQuestion(query: Buffer): { name: string; type: number; end: number } | null {
  if (query.length < 12 || query.readUInt16BE(4) < 1) return null;
  const labels: string[] = [];
  let offset = 12;
  while (offset < query.length && query[offset] !== 0) {
    const length = query[offset]!;
    labels.push(query.toString('latin1', offset + 1, offset + 1 + length));
    offset += 1 + length;
  }
  if (offset + 5 > query.length) return null;
  return { name: labels.join('.'), type: query.readUInt16BE(offset + 1), end: offset + 5 };
}

function answer(query: Buffer, questionEnd: number, records: DnsRecords | undefined, typeName: string): Buffer {
  const rdatas = records === undefined ? [] : encodeRecords(records, typeName);
  const rcode = records === undefined ? rcodes.NXDOMAIN : rcodes[records.rcode ?? 'NOERROR'];
  const header = Buffer.alloc(12);
  query.copy(header, 0, 0, 2);
  // QR, the query's opcode and RD, AA; RA; the response code.
  header.writeUInt16BE(0x8000 | (query.readUInt16BE(2) & 0x7900) | 0x0400 | 0x0080 | rcode, 2);
  header.writeUInt16BE(1, 4);
  header.writeUInt16BE(rcode === rcodes.NOERROR ? rdatas.length : 0, 6);
  // The question is echoed byte for byte: c-ares drops a response whose question differs.
  const parts = [header, query.subarray(12, questionEnd)];
  if (rcode === rcodes.NOERROR) {
    for (const rdata of rdatas) {
      const fixed = Buffer.alloc(12);
      fixed.writeUInt16BE(0xc00c, 0); // a pointer to the question's name
      fixed.writeUInt16BE(typeCodes[typeName] ?? 0, 2);
      fixed.writeUInt16BE(1, 4); // class IN
      fixed.writeUInt32BE(60, 6);
      fixed.writeUInt16BE(rdata.length, 10);
      parts.push(fixed, rdata);
    }
  }
  return Buffer.concat(parts);
}

function encodeRecords(records: DnsRecords, typeName: string): Buffer[] {
  switch (typeName) {
    case 'A':
      return (records.A ?? []).map((address) => Buffer.from(address.split('.').map(Number)));
    case 'AAAA':
      return (records.AAAA ?? []).map(encodeIpv6);
    case 'CNAME':
      return records.CNAME === undefined ? [] : [encodeName(records.CNAME)];
    case 'NS':
      return (records.NS ?? []).map(encodeName);
    case 'MX':
      return (records.MX ?? []).map((mx) => Buffer.concat([uint16(mx.priority), encodeName(mx.exchange)]));
    case 'TXT':
      return (records.TXT ?? []).map((chunks) =>
        Buffer.concat(
          chunks.map((chunk) => Buffer.concat([Buffer.from([Buffer.byteLength(chunk)]), Buffer.from(chunk)])),
        ),
      );
    case 'SRV':
      return (records.SRV ?? []).map((srv) =>
        Buffer.concat([uint16(srv.priority), uint16(srv.weight), uint16(srv.port), encodeName(srv.name)]),
      );
    default:
      return [];
  }
}

function encodeName(name: string): Buffer {
  const labels = name.split('.').filter((label) => label !== '');
  return Buffer.concat([
    ...labels.map((label) => Buffer.concat([Buffer.from([label.length]), Buffer.from(label, 'latin1')])),
    Buffer.from([0]),
  ]);
}

function encodeIpv6(address: string): Buffer {
  const [head = '', tail] = address.split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === undefined || tail === '' ? [] : tail.split(':');
  const zeros = Array<string>(8 - headGroups.length - tailGroups.length).fill('0');
  return Buffer.concat([...headGroups, ...zeros, ...tailGroups].map((group) => uint16(Number.parseInt(group, 16))));
}

function uint16(value: number): Buffer {
  const buffer = Buffer.alloc(2);
  buffer.writeUInt16BE(value);
  return buffer;
}
