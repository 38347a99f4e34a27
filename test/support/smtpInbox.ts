import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  subject: string;
  text: string;
  html: string;
  raw: string;
}

export interface SmtpInbox {
  url: string;
  port: number;
  mails: ReceivedMail[];
  /** Answer the next `n` messages with a temporary failure (451), as a struggling server does. */
  failNext(n: number): void;
  /** How many messages were refused so far. */
  refused(): number;
  close(): Promise<void>;
}

function decodeQuotedPrintable(s: string): string {
  const bytes = s
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/gi, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

function decodePart(headers: string, body: string): string {
  const encoding = /content-transfer-encoding:\s*([\w-]+)/i.exec(headers)?.[1]?.toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(body);
  return body;
}

/** Subject, text and HTML of a message as nodemailer writes it (multipart/alternative or a single part). */
export function parseMail(raw: string, to: string[]): ReceivedMail {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const body = raw.slice(split + 4);
  let subject = /^subject:\s*(.*)$/im.exec(head)?.[1] ?? '';
  subject = subject.replace(/=\?utf-8\?([QB])\?(.*?)\?=\s*/gi, (_, enc: string, t: string) =>
    enc.toUpperCase() === 'B'
      ? Buffer.from(t, 'base64').toString('utf8')
      : decodeQuotedPrintable(t.replace(/_/g, ' ')),
  );
  let text = '';
  let html = '';
  const boundary = /boundary="?([^";\r\n]+)"?/i.exec(head)?.[1];
  const parts = boundary ? body.split(`--${boundary}`).slice(1, -1) : [`${head}\r\n\r\n${body}`];
  for (const part of parts) {
    const p = part.replace(/^\r\n/, '');
    const at = p.indexOf('\r\n\r\n');
    const ph = p.slice(0, at);
    const content = decodePart(ph, p.slice(at + 4).replace(/\r\n$/, ''));
    if (/content-type:\s*text\/html/i.test(ph)) html = content;
    else if (/content-type:\s*text\/plain/i.test(ph)) text = content;
  }
  return { to, subject, text, html, raw };
}

/** A real SMTP server on a free local port (no TLS, no auth); every accepted message lands in `mails`. */
export async function startSmtpInbox(): Promise<SmtpInbox> {
  const mails: ReceivedMail[] = [];
  let failing = 0;
  let refusedCount = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (failing > 0) {
          failing--;
          refusedCount++;
          const err = new Error('try again later') as Error & { responseCode: number };
          err.responseCode = 451;
          return callback(err);
        }
        const to = session.envelope.rcptTo.map((r) => r.address);
        mails.push(parseMail(Buffer.concat(chunks).toString('utf8'), to));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    mails,
    failNext(n) {
      failing = n;
    },
    refused: () => refusedCount,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
