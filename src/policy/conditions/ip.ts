// IP address condition operators (reference_policies_elements_condition_operators, "IP address
// condition operators"): a policy value is an IPv4 or IPv6 range in CIDR notation ("203.0.113.0/24
// or 2001:DB8:1234:5678::/64"); "If you specify an IP address without the associated routing
// prefix, IAM uses the default prefix value of /32" (/128 for IPv6). IpAddress matches an address
// inside the range; NotIpAddress is its negation (../conditions.ts).
//
// IPv4 and IPv6 are separate spaces: ::/0 does not contain 203.0.113.5. The one bridge is the
// IPv4-mapped form ::ffff:a.b.c.d (RFC 4291 2.5.5.2), which is the IPv4 address a.b.c.d on either
// side, so `::ffff:203.0.113.5` is in 203.0.113.0/24 and ::ffff:203.0.113.0/120 is 203.0.113.0/24.
import type { OperatorFamily } from './family.js';
import { memoize } from '../memo.js';

/** An address as 32-bit words: one for IPv4, four for IPv6. */
export interface IpAddress {
  words: readonly number[];
}

interface IpRange extends IpAddress {
  prefix: number;
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

function parseIpv4(text: string): number | undefined {
  const octets = IPV4.exec(text);
  if (octets === null) return undefined;
  let value = 0;
  for (let i = 1; i <= 4; i++) {
    const octet = Number(octets[i]);
    if (octet > 255) return undefined;
    value = value * 256 + octet;
  }
  return value;
}

/** The 16-bit groups of a run like `2001:db8` (an IPv4 tail counts as two); undefined if invalid. */
function parseGroups(run: string, ipv4TailAllowed: boolean): number[] | undefined {
  if (run === '') return [];
  const texts = run.split(':');
  const groups: number[] = [];
  for (const [index, text] of texts.entries()) {
    if (ipv4TailAllowed && index === texts.length - 1 && text.includes('.')) {
      const ipv4 = parseIpv4(text);
      if (ipv4 === undefined) return undefined;
      groups.push(ipv4 >>> 16, ipv4 & 0xffff);
    } else if (HEX_GROUP.test(text)) {
      groups.push(parseInt(text, 16));
    } else {
      return undefined;
    }
  }
  return groups;
}

/** The eight 16-bit groups of an IPv6 address, `::` expanded; undefined if it is not one. */
function parseIpv6(text: string): number[] | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const [head = '', tail] = halves;
  const headGroups = parseGroups(head, tail === undefined);
  const tailGroups = tail === undefined ? [] : parseGroups(tail, true);
  if (headGroups === undefined || tailGroups === undefined) return undefined;
  const missing = 8 - headGroups.length - tailGroups.length;
  // Without `::` all eight groups are written out; `::` stands for at least one zero group.
  if (tail === undefined ? missing !== 0 : missing < 1) return undefined;
  return [...headGroups, ...Array<number>(missing).fill(0), ...tailGroups];
}

/** An address as written: one 32-bit word for IPv4, four for IPv6; undefined if it is neither. */
function parseWords(text: string): number[] | undefined {
  const ipv4 = parseIpv4(text);
  if (ipv4 !== undefined) return [ipv4];
  const groups = text.includes(':') ? parseIpv6(text) : undefined;
  return (
    groups && [0, 2, 4, 6].map((i) => ((groups[i] ?? 0) * 0x10000 + (groups[i + 1] ?? 0)) >>> 0)
  );
}

/** ::ffff:a.b.c.d, the IPv6 form of an IPv4 address. */
function isIpv4Mapped(words: readonly number[]): boolean {
  return words.length === 4 && words[0] === 0 && words[1] === 0 && words[2] === 0xffff;
}

/** A request's address, e.g. `aws:SourceIp`; undefined when the text is not an IP address. */
const parseIpAddress = memoize((text: string): IpAddress | undefined => {
  const words = parseWords(text);
  if (words === undefined) return undefined;
  return { words: isIpv4Mapped(words) ? words.slice(3) : words };
});

const PREFIX = /^\d{1,3}$/;

/** A policy's range: `address/prefix`, or a single address. Undefined when it is neither. */
const parseIpRange = memoize((text: string): IpRange | undefined => {
  const slash = text.indexOf('/');
  const words = parseWords(slash < 0 ? text : text.slice(0, slash));
  if (words === undefined) return undefined;
  const width = words.length * 32;
  const prefixText = slash < 0 ? String(width) : text.slice(slash + 1);
  const prefix = Number(prefixText);
  if (!PREFIX.test(prefixText) || prefix > width) return undefined;
  // Within ::ffff:0:0/96 the last 32 bits are an IPv4 address, the prefix counting the 96 before.
  if (isIpv4Mapped(words) && prefix >= 96) return { words: words.slice(3), prefix: prefix - 96 };
  return { words, prefix };
});

/** Whether `address` lies in `range` (the same family, and the first `prefix` bits equal). */
function inRange(range: IpRange, address: IpAddress): boolean {
  if (range.words.length !== address.words.length) return false;
  let remaining = range.prefix;
  for (let i = 0; i < range.words.length && remaining > 0; i++, remaining -= 32) {
    const mask = remaining >= 32 ? 0xffffffff : ~(0xffffffff >>> remaining);
    if ((((range.words[i] ?? 0) ^ (address.words[i] ?? 0)) & mask) !== 0) return false;
  }
  return true;
}

export const ipAddress: OperatorFamily<IpAddress, IpRange | undefined> = {
  policyValues: 'literal',
  readRequest: parseIpAddress,
  readPolicy: parseIpRange,
  matches: (range, request) => range !== undefined && inRange(range, request),
};
