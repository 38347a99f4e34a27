import nodemailer, { type Transporter } from 'nodemailer';

/** One email to send. */
export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
}

/** Sends email; `null` when no SMTP server is configured (then nothing is sent). */
export interface Mailer {
  send(mail: Mail): Promise<void>;
}

const transports = new Map<string, Transporter>();

/**
 * The mailer configured by the environment: SEXTANT_SMTP_URL (smtp://user:pass@host:port) and optional
 * SEXTANT_MAIL_FROM. Read at each call so a server started later (or a test) can set it; transports are
 * reused per URL.
 */
export function mailerFromEnv(env: NodeJS.ProcessEnv = process.env): Mailer | null {
  const url = env.SEXTANT_SMTP_URL;
  if (!url) return null;
  const from = env.SEXTANT_MAIL_FROM ?? 'Sextant <sextant@localhost>';
  let transport = transports.get(url);
  if (!transport) {
    transport = nodemailer.createTransport(url);
    transports.set(url, transport);
  }
  const t = transport;
  return {
    async send(mail) {
      await t.sendMail({ from, ...mail });
    },
  };
}

/**
 * Sends every mail, after the data is committed; a failing SMTP server is logged, never fails the
 * request that caused the mail (the in-app notification is already there).
 */
export async function sendAll(mailer: Mailer | null, mails: readonly Mail[]): Promise<number> {
  if (!mailer) return 0;
  let sent = 0;
  for (const mail of mails) {
    try {
      await mailer.send(mail);
      sent++;
    } catch (err) {
      console.error(`[sextant] email to ${mail.to} failed:`, (err as Error).message);
    }
  }
  return sent;
}
