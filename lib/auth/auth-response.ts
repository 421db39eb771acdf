// better-auth's endpoints answer for themselves, catching the database's errors into a 500. While
// the database cannot be reached, that 500 is a 503 problem+json with Retry-After, like the API.
import { dbCircuitOpen } from "../../db/availability";
import { ServiceUnavailable } from "../errors/app-error";
import { problemResponse } from "../errors/problem";
import { asServiceUnavailable } from "../errors/unavailable";

export async function authResponse(run: () => Promise<Response>): Promise<Response> {
  try {
    const res = await run();
    return res.status >= 500 && dbCircuitOpen() ? problemResponse(new ServiceUnavailable()) : res;
  } catch (err) {
    const unavailable = asServiceUnavailable(err);
    if (unavailable) return problemResponse(unavailable);
    throw err;
  }
}
