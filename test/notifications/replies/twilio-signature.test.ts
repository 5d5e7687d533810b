import { describe, expect, it } from 'vitest';
import { twilioSignature, verifyTwilioSignature } from '../../../src/notifications/replies/twilio-signature.js';

// An inbound SMS and its signature as Twilio's own libraries test them (twilio-ruby,
// spec/util/request_validator_spec.rb): a vector made by Twilio, not by this code.
const token = '2bd9e9638872de601313dc77410d3b23';
const url = 'http://twiliotests.heroku.com/validate/sms';
const params: [string, string][] = Object.entries({
  ToState: 'CA',
  FromState: 'CA',
  AccountSid: 'ACba8bc05eacf94afdae398e642c9cc32d',
  SmsMessageSid: 'SM2003cbd5e6a3701999aa3e5f20ff2787',
  Body: 'Orly',
  From: '+14159354345',
  FromCity: 'SAN FRANCISCO',
  SmsStatus: 'received',
  FromZip: '94107',
  FromCountry: 'US',
  To: '+14158141819',
  ToCity: 'SAN FRANCISCO',
  ToZip: '94105',
  ToCountry: 'US',
  ApiVersion: '2010-04-01',
  SmsSid: 'SM2003cbd5e6a3701999aa3e5f20ff2787',
});
const signature = 'mxeiv65lEe0b8L6LdVw2jgJi8yw=';

describe('the Twilio request signature', () => {
  it("matches the signature of Twilio's own SMS example, whatever the order the fields came in", () => {
    expect(twilioSignature(token, url, params)).toBe(signature);
    expect(twilioSignature(token, url, [...params].reverse())).toBe(signature);
    expect(verifyTwilioSignature(token, url, params, signature)).toBe(true);
  });

  it('refuses a changed field, another URL, another token, or no signature at all', () => {
    const changed = params.map(([name, value]): [string, string] => [name, name === 'Body' ? 'ACK 1234' : value]);
    expect(verifyTwilioSignature(token, url, changed, signature)).toBe(false);
    expect(verifyTwilioSignature(token, url.replace('http:', 'https:'), params, signature)).toBe(false);
    expect(verifyTwilioSignature(`${token}x`, url, params, signature)).toBe(false);
    expect(verifyTwilioSignature(token, url, params, undefined)).toBe(false);
    expect(verifyTwilioSignature(token, url, params, 'short')).toBe(false);
  });
});
