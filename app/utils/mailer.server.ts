import fs from "node:fs/promises";
import path from "node:path";
import crypto from "node:crypto";
import nodemailer, { type Transporter } from "nodemailer";
import { getEnv } from "./env.server";

export type Mail = { to: string; subject: string; text: string; html?: string };

let transport: Transporter | undefined;
let transportKey: string | undefined;

function getTransport(): { transporter: Transporter; outbox: boolean } {
  const smtpUrl = process.env.SMTP_URL || undefined;
  const key = smtpUrl ?? "outbox";
  if (!transport || transportKey !== key) {
    // Without SMTP the message is rendered to .eml so the flows work on a laptop.
    transport = smtpUrl
      ? nodemailer.createTransport(smtpUrl)
      : nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
    transportKey = key;
  }
  return { transporter: transport, outbox: !smtpUrl };
}

export async function sendMail(mail: Mail): Promise<{ messageId: string; file?: string }> {
  const env = getEnv();
  const { transporter, outbox } = getTransport();
  const info = await transporter.sendMail({ from: env.MAIL_FROM, ...mail });
  if (!outbox) return { messageId: info.messageId };
  const dir = path.resolve(process.env.OUTBOX_DIR || env.OUTBOX_DIR);
  await fs.mkdir(dir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const file = path.join(dir, `${stamp}-${crypto.randomBytes(4).toString("hex")}.eml`);
  await fs.writeFile(file, info.message as Buffer);
  console.log(JSON.stringify({ time: new Date().toISOString(), level: "info", msg: "mail written to outbox", to: mail.to, subject: mail.subject, file }));
  return { messageId: info.messageId, file };
}
