// The contact-point rules other panel code and the bounce parser call; they live in the shared
// lib/contact-points so that the sender (lib/mail) can use them too.
export { markAddressBounced, SOFT_BOUNCE_THRESHOLD, type BounceResult } from "../contact-points/mark-address-bounced";
export { refreshCurrentAddress } from "../contact-points/refresh-current-address";
