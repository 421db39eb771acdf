// An open-link wave's link as people receive it: the full URL on the configured public address,
// and its QR code for flyers (an SVG drawn on the server by `qrcode`, docs/decisions.md).
import QRCode from "qrcode";
import type { Db } from "../../db/client";
import type { StaffUser } from "../auth/current-user";
import { NotFound } from "../errors/app-error";
import { loadWaveForUser } from "./manage-wave";

/** The full open link of a wave: <public URL>/j/<study>/<wave>. Pure. */
export function openLinkUrl(publicUrl: string, studySlug: string, waveSlug: string): string {
  return `${publicUrl.replace(/\/+$/, "")}/j/${encodeURIComponent(studySlug)}/${encodeURIComponent(waveSlug)}`;
}

/**
 * The URL as a QR code in SVG: black on white, a quiet zone of four modules, error correction
 * level M (still readable with a crease or a staple through a printed flyer). Pure.
 */
export function qrCodeSvg(url: string): Promise<string> {
  return QRCode.toString(url, { type: "svg", errorCorrectionLevel: "M", margin: 4, color: { dark: "#000000", light: "#ffffff" } });
}

/** An open-link wave's URL and QR code, for a user who may see its study; NotFound for a panel wave. */
export async function getOpenLink(db: Db, user: StaffUser, studySlug: string, waveSlug: string, publicUrl: string) {
  const { study, wave } = await loadWaveForUser(db, user, studySlug, waveSlug);
  if (wave.mode !== "open_link") throw new NotFound("This wave has no open link");
  const url = openLinkUrl(publicUrl, study.slug, wave.slug);
  return { study, wave, url, svg: await qrCodeSvg(url) };
}
