"use client";
// Re-renders the server component every few seconds so fieldwork counts stay live.
import { useRouter } from "next/navigation";
import { useEffect } from "react";

export function LiveRefresh({ seconds = 5 }: { seconds?: number }) {
  const router = useRouter();
  useEffect(() => {
    const t = setInterval(() => router.refresh(), seconds * 1000);
    return () => clearInterval(t);
  }, [router, seconds]);
  return null;
}
