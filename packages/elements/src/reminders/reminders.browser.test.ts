import { expect, fixture, html, waitUntil, oneEvent } from '@open-wc/testing';
import { IndexedDbAdapter } from '@kartochka/storage';
import type { JsonSchemaObject, Reminder } from '@kartochka/core';
import '../index.js';
import type { KcReminders } from './reminders.js';

const schema: JsonSchemaObject = {
  type: 'object',
  properties: {
    manager: { type: 'string' },
    people: {
      type: 'array',
      items: {
        type: 'object',
        properties: {
          fullName: { type: 'string' },
          birthday: {
            type: 'string',
            format: 'date',
            'x-reminder': {
              offsetDays: -3,
              repeat: 'yearly',
              who: '/manager',
              title: { ru: 'ДР: {1/fullName}', en: 'Birthday: {1/fullName}' },
            },
          },
        },
      },
    },
    contract: {
      type: 'object',
      properties: {
        validUntil: {
          type: 'string',
          format: 'date',
          'x-reminder': { offsetDays: -30, who: '/manager', title: { ru: 'Продлить договор', en: 'Renew the contract' } },
        },
      },
    },
  },
};

const days = (el: KcReminders) => [...el.shadowRoot!.querySelectorAll('[part="day"]')] as HTMLElement[];

describe('<kc-reminders>', () => {
  it('reads the cards of a storage, groups reminders by day, and exports an .ics file', async () => {
    const storage = await IndexedDbAdapter.open({ name: `kc-reminders-test-${Date.now()}` });
    await storage.put({
      id: 'c-1',
      schemaId: 'b2b',
      schemaVersion: 1,
      title: 'Ромашка',
      indexed: {},
      data: {
        manager: 'Петров',
        people: [
          { fullName: 'Соколов', birthday: '1972-02-29' },
          { fullName: 'Морозова', birthday: '1985-03-03' },
        ],
        contract: { validUntil: '2027-03-30' },
      },
    });
    const el = await fixture<KcReminders>(
      html`<kc-reminders .storage=${storage} .schema=${schema} schema-id="b2b" from="2027-02-20" to="2027-03-10" locale="ru"></kc-reminders>`,
    );
    await waitUntil(() => days(el).length === 2, 'two days');
    expect(days(el).map((d) => d.dataset.date)).to.deep.equal(['2027-02-25', '2027-02-28']);
    expect(days(el)[0].textContent).to.contain('ДР: Соколов');
    expect(days(el)[1].querySelectorAll('[part="reminder"]').length).to.equal(2, 'Морозова and the contract on one day');
    expect(days(el)[0].querySelector('h3')!.textContent).to.contain('2027');

    let blob: Blob | undefined;
    const original = URL.createObjectURL;
    URL.createObjectURL = (b: Blob | MediaSource) => ((blob = b as Blob), 'blob:test');
    try {
      (el.shadowRoot!.querySelector('[part="export"]') as HTMLButtonElement).click();
    } finally {
      URL.createObjectURL = original;
    }
    expect(blob!.type).to.contain('text/calendar');
    const text = await blob!.text();
    expect(text.startsWith('BEGIN:VCALENDAR\r\n')).to.equal(true);
    expect(text.match(/BEGIN:VEVENT/g)).to.have.length(3);
    expect(text).to.contain('DTSTART;VALUE=DATE:20270225');
    await expect(el).to.be.accessible();
    await storage.close();
  });

  it('shows given reminders in English, fires kc-open, and says when there are none', async () => {
    const reminders: Reminder[] = [
      {
        recordId: 'c-9',
        recordTitle: 'Acme',
        pointer: '/contract/validUntil',
        template: '/contract/validUntil',
        dueDate: '2027-05-01',
        eventDate: '2027-05-31',
        title: { ru: 'Продлить', en: 'Renew' },
        who: 'Anna',
      },
    ];
    const el = await fixture<KcReminders>(
      html`<kc-reminders .reminders=${reminders} from="2027-05-01" days="7" locale="en"></kc-reminders>`,
    );
    expect(days(el)).to.have.length(1);
    expect(days(el)[0].textContent).to.contain('For: Anna');
    const open = el.shadowRoot!.querySelector('[part="reminder"] button') as HTMLButtonElement;
    setTimeout(() => open.click());
    const e = await oneEvent(el, 'kc-open');
    expect(e.detail).to.deep.equal({ id: 'c-9', pointer: '/contract/validUntil' });
    el.from = '2027-06-01';
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~="status"]')!.textContent!.trim()).to.equal('No reminders in this period.');
    expect((el.shadowRoot!.querySelector('[part="export"]') as HTMLButtonElement).disabled).to.equal(true);
  });
});
