// GET /studies/:slug/waves/:wave/flyer – an open link's QR code, large, to print on a flyer.
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { NotFound } from "../../../../../../../lib/errors/app-error";
import { getOpenLink } from "../../../../../../../lib/waves/open-link";
import { staffPage } from "../../../../../staff-page";
import { slugSchema } from "../../../../../../../lib/studies/study-schema";
import "../../waves.css";

export const dynamic = "force-dynamic";

export default async function FlyerPage({ params }: { params: Promise<{ slug: string; wave: string }> }) {
  const p = z.object({ slug: slugSchema, wave: slugSchema }).safeParse(await params);
  if (!p.success) notFound();
  const { rt, user } = await staffPage(undefined, `/studies/${p.data.slug}/waves/${p.data.wave}/flyer`);
  const o = await getOpenLink(rt.db, user, p.data.slug, p.data.wave, rt.config.publicUrl).catch((e) => {
    if (e instanceof NotFound) notFound();
    throw e;
  });
  const base = `/studies/${o.study.slug}/waves/${o.wave.slug}`;
  return (
    <div className="flyer">
      <p className="no-print"><Link href={base}>← {o.wave.name}</Link></p>
      <h1>{o.study.name}</h1>
      <p>{o.wave.name}</p>
      {/* eslint-disable-next-line @next/next/no-img-element -- a data URL drawn on the server */}
      <img className="qr" src={`data:image/svg+xml;base64,${Buffer.from(o.svg).toString("base64")}`} alt={`QR code of ${o.url}`} width={352} height={352} />
      <p className="open-link">{o.url}</p>
      <p className="no-print muted">Print this page (the site&apos;s header is left out), or <a href={`${base}/qr-code`} download>download the QR code as SVG</a> for your own layout.</p>
    </div>
  );
}
