import type { CountryCode } from 'libphonenumber-js';
import { MemberStatus } from '../modules/member/member.entity';
import { normalizePhone } from '../modules/member/member.service';
import { addDays, addYears, type Random, toLatin } from '@sangathan/common';
import { DATA_AS_OF } from './rows';

const FIRST_JOIN_DATE = '2005-01-01';
/** Reserved example domains (RFC 2606): the demo never holds a deliverable address. */
const EMAIL_DOMAINS = ['example.com', 'example.org', 'example.net'];

/** How fake mobile numbers look in a country: +<calling code><operator prefix><subscriber digits>. */
export interface MobilePlan {
  country: CountryCode;
  callingCode: string;
  prefixes: readonly string[];
  subscriberDigits: number;
}

/** India: 10-digit mobiles starting 6-9. */
export const INDIA_MOBILES: MobilePlan = {
  country: 'IN',
  callingCode: '91',
  prefixes: ['98', '99', '97', '96', '94', '93', '91', '90', '89', '88', '87', '81', '80', '79', '78', '76', '75', '73', '70', '63', '62'],
  subscriberDigits: 8,
};

/** Vietnam: 9 digits after 84, operator prefixes 3x, 7x, 8x and 9x. */
export const VIETNAM_MOBILES: MobilePlan = {
  country: 'VN',
  callingCode: '84',
  prefixes: [
    '90',
    '91',
    '93',
    '94',
    '96',
    '97',
    '98',
    '32',
    '33',
    '34',
    '35',
    '36',
    '37',
    '38',
    '39',
    '70',
    '76',
    '77',
    '78',
    '79',
    '81',
    '82',
    '83',
    '84',
    '85',
    '86',
    '88',
  ],
  subscriberDigits: 7,
};

/** Dates, phones, emails and statuses for synthetic people; phones and emails are unique within one factory. */
export class PersonFactory {
  private readonly phones = new Set<string>();
  private readonly emails = new Set<string>();

  constructor(
    private readonly random: Random,
    private readonly mobiles: MobilePlan,
  ) {}

  /** A birth date for someone aged exactly `age` on DATA_AS_OF. */
  dateOfBirth(age: number): string {
    return this.random.date(addDays(addYears(DATA_AS_OF, -(age + 1)), 1), addYears(DATA_AS_OF, -age));
  }

  /** A join date from 2005 (and from the `minimumAge` birthday) up to `latest`. */
  joinedOn(dateOfBirth: string, minimumAge: number, latest: string): string {
    const adult = addYears(dateOfBirth, minimumAge);
    return this.random.date(adult > FIRST_JOIN_DATE ? adult : FIRST_JOIN_DATE, latest);
  }

  /** A valid (by the same check MemberService applies), unused E.164 mobile number. */
  phone(): string {
    for (;;) {
      const raw = `+${this.mobiles.callingCode}${this.random.pick(this.mobiles.prefixes)}${this.random.digits(this.mobiles.subscriberDigits)}`;
      const phone = normalizePhone(raw, this.mobiles.country);
      if (phone && !this.phones.has(phone)) {
        this.phones.add(phone);
        return phone;
      }
    }
  }

  /** "sanjay.ray42@example.org": built from the Latin form of the name, unused so far. */
  email(fullName: string): string {
    const local = toLatin(fullName)
      .toLowerCase()
      .replace(/[^a-z\s]/g, '')
      .trim()
      .split(/\s+/)
      .join(this.random.pick(['.', '', '_']));
    const base = this.random.chance(0.6) ? `${local}${this.random.int(1, 99)}` : local;
    const domain = this.random.pick(EMAIL_DOMAINS);
    let email = `${base}@${domain}`;
    for (let n = 2; this.emails.has(email); n++) email = `${base}${n}@${domain}`;
    this.emails.add(email);
    return email;
  }

  /** Mostly active, with the lapsed, suspended and resigned members every roll has. */
  status(): MemberStatus {
    return this.random.weighted([
      [MemberStatus.ACTIVE, 86],
      [MemberStatus.LAPSED, 7],
      [MemberStatus.SUSPENDED, 3],
      [MemberStatus.RESIGNED, 4],
    ]);
  }
}
