// IP address condition operators (reference_policies_elements_condition_operators, "IP address
// condition operators"): IPv4 and IPv6 in CIDR notation, a bare address meaning /32.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateCondition } from '../../src/policy/conditions.js';
import { indexContext } from '../../src/policy/context.js';

function inRange(ranges: string[], sourceIp: string, operator = 'IpAddress'): boolean {
  const context = indexContext({ 'aws:SourceIp': sourceIp });
  return evaluateCondition({ operator, key: 'aws:SourceIp', values: ranges }, context, '2012-10-17')
    .result;
}

describe('IpAddress with IPv4', () => {
  it("matches addresses inside a CIDR range (the docs' 203.0.113.0/24 example)", () => {
    expect(inRange(['203.0.113.0/24'], '203.0.113.0')).toBe(true);
    expect(inRange(['203.0.113.0/24'], '203.0.113.255')).toBe(true);
    expect(inRange(['203.0.113.0/24'], '203.0.114.0')).toBe(false);
    expect(inRange(['203.0.113.0/24'], '203.0.112.255')).toBe(false);
  });

  it('reads a bare address as /32: "IAM uses the default prefix value of /32"', () => {
    expect(inRange(['192.0.2.10'], '192.0.2.10')).toBe(true);
    expect(inRange(['192.0.2.10'], '192.0.2.11')).toBe(false);
  });

  it('handles the extreme prefixes and ranges written with host bits set', () => {
    expect(inRange(['0.0.0.0/0'], '198.51.100.7')).toBe(true);
    expect(inRange(['10.1.2.3/8'], '10.200.0.1')).toBe(true);
    expect(inRange(['10.0.0.0/31'], '10.0.0.1')).toBe(true);
    expect(inRange(['10.0.0.0/31'], '10.0.0.2')).toBe(false);
    expect(inRange(['255.255.255.255/32'], '255.255.255.255')).toBe(true);
  });

  it('never matches text that is not an address, NotIpAddress included', () => {
    for (const value of ['203.0.113', '203.0.113.256', '203.0.113.1/24', 'localhost', '', '::g']) {
      expect(inRange(['0.0.0.0/0'], value), value).toBe(false);
      expect(inRange(['10.0.0.0/8'], value, 'NotIpAddress'), value).toBe(false);
    }
  });

  it('ignores policy ranges that are not ranges', () => {
    for (const range of [
      '203.0.113.0/33',
      '203.0.113.0/',
      '203.0.113.0/abc',
      '300.0.0.0/8',
      'any',
    ]) {
      expect(inRange([range], '203.0.113.5'), range).toBe(false);
    }
  });
});

describe('IpAddress with IPv6', () => {
  it("matches addresses inside a CIDR range (the docs' 2001:DB8:1234:5678::/64 example)", () => {
    expect(inRange(['2001:DB8:1234:5678::/64'], '2001:db8:1234:5678:abcd::1')).toBe(true);
    expect(inRange(['2001:DB8:1234:5678::/64'], '2001:db8:1234:5679::1')).toBe(false);
    expect(inRange(['2001:db8::/32'], '2001:0db8:ffff:ffff:ffff:ffff:ffff:ffff')).toBe(true);
    expect(inRange(['2001:db8::/33'], '2001:db8:8000::')).toBe(false);
  });

  it('reads the :: shorthand anywhere, and a bare address as /128', () => {
    expect(inRange(['::1'], '0:0:0:0:0:0:0:1')).toBe(true);
    expect(inRange(['::1'], '::2')).toBe(false);
    expect(inRange(['fe80::/10'], 'febf:1::')).toBe(true);
    expect(inRange(['1::'], '1:0:0:0:0:0:0:0')).toBe(true);
    expect(inRange(['::/0'], '2001:db8::1')).toBe(true);
  });

  it('rejects malformed IPv6 text', () => {
    for (const value of [
      '1:2:3:4:5:6:7',
      '1:2:3:4:5:6:7:8:9',
      '1::2::3',
      '12345::',
      'fe80::1%eth0',
      '1:2:3:4:5:6:7::8',
    ]) {
      expect(inRange(['::/0'], value), value).toBe(false);
    }
  });

  it('keeps IPv4 and IPv6 apart: ::/0 does not contain an IPv4 address, 0.0.0.0/0 no IPv6 one', () => {
    expect(inRange(['::/0'], '203.0.113.5')).toBe(false);
    expect(inRange(['0.0.0.0/0'], '2001:db8::1')).toBe(false);
    // The docs' mixed list covers both.
    expect(inRange(['203.0.113.0/24', '2001:DB8:1234:5678::/64'], '2001:db8:1234:5678::9')).toBe(
      true,
    );
  });

  it('reads IPv4-mapped addresses (::ffff:a.b.c.d) as the IPv4 address they carry', () => {
    expect(inRange(['203.0.113.0/24'], '::ffff:203.0.113.5')).toBe(true);
    expect(inRange(['203.0.113.0/24'], '::ffff:cb00:7105')).toBe(true);
    expect(inRange(['::ffff:203.0.113.0/120'], '203.0.113.77')).toBe(true);
    expect(inRange(['::ffff:203.0.113.0/120'], '203.0.114.1')).toBe(false);
    expect(inRange(['::ffff:0:0/96'], '198.51.100.1')).toBe(true);
  });
});

describe('NotIpAddress: "All IP addresses except the specified IP address or range"', () => {
  it('is true outside every range and false inside any', () => {
    expect(inRange(['203.0.113.0/24'], '198.51.100.1', 'NotIpAddress')).toBe(true);
    expect(inRange(['203.0.113.0/24'], '203.0.113.1', 'NotIpAddress')).toBe(false);
    expect(inRange(['203.0.113.0/24', '2001:db8::/32'], '2001:db8::1', 'NotIpAddress')).toBe(false);
  });

  it('is the complement of IpAddress for every IPv4 address and prefix', () => {
    const octet = fc.integer({ min: 0, max: 255 });
    const address = fc.tuple(octet, octet, octet, octet).map((o) => o.join('.'));
    fc.assert(
      fc.property(address, fc.integer({ min: 0, max: 32 }), address, (network, prefix, source) => {
        const range = `${network}/${prefix}`;
        const toNumber = (text: string) => text.split('.').reduce((n, o) => n * 256 + Number(o), 0);
        const size = 2 ** (32 - prefix);
        const expected =
          Math.floor(toNumber(network) / size) === Math.floor(toNumber(source) / size);
        expect(inRange([range], source)).toBe(expected);
        expect(inRange([range], source, 'NotIpAddress')).toBe(!expected);
      }),
    );
  });
});
