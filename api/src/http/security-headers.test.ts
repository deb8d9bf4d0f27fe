import { appContentSecurityPolicy, checkoutSources } from './security-headers';

describe('appContentSecurityPolicy with Checkout', () => {
  it('allows no Checkout while billing is off', () => {
    expect(checkoutSources(null)).toEqual([]);
    const csp = appContentSecurityPolicy(null);
    expect(csp).toContain("connect-src 'self';");
    expect(csp).toContain("frame-src 'none'");
    expect(csp).not.toContain('razorpay');
  });

  it("lets Razorpay's checkout.js load, call home and frame its payment page, and nothing else", () => {
    const sources = checkoutSources({});
    expect(sources).toEqual(['https://checkout.razorpay.com', 'https://api.razorpay.com']);
    const csp = appContentSecurityPolicy('http://*.preview.localhost:4001', sources);
    expect(csp).toMatch(/script-src 'self' [^;]* https:\/\/checkout\.razorpay\.com https:\/\/api\.razorpay\.com;/);
    expect(csp).toContain("connect-src 'self' https://checkout.razorpay.com https://api.razorpay.com;");
    expect(csp).toContain('frame-src http://*.preview.localhost:4001 https://checkout.razorpay.com https://api.razorpay.com;');
  });

  it("allows a stand-in checkout.js (the wire fake's) by its origin", () => {
    expect(checkoutSources({ checkoutUrl: 'http://127.0.0.1:4455/v1/checkout.js' })).toEqual(['http://127.0.0.1:4455']);
  });
});
