/**
 * Anonymous mode (no MicrosoftAppId) accepts every request, and the SDK posts replies to whatever `serviceUrl`
 * the request names: an open relay. This decides whether a request's serviceUrl is one we may post to.
 */
export function isAllowedServiceUrl(serviceUrl: unknown, allowedHosts: readonly string[], selfOrigins: readonly string[] = []): boolean {
  if (typeof serviceUrl !== 'string') return false;
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  if (url.username || url.password) return false;
  if (selfOrigins.includes(url.origin)) return true;
  return allowedHosts.some((host) => host.toLowerCase() === url.hostname.toLowerCase());
}
