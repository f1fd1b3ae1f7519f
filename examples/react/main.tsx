// A React 19 app with a controlled Kartochka card: @kartochka/react's <KcCard> takes the schema
// and the value as props, reports edits through onKcChange, and a ref reaches the element for
// validate() and focusFirstInvalid(). Run: `npx vite examples/react` (or see docs/frameworks.md).
import { StrictMode, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { KcCard, type KcCardElement } from '@kartochka/react';
import type { JsonSchemaObject, JsonValue } from '@kartochka/core';

const schema: JsonSchemaObject = {
  type: 'object',
  required: ['companyName'],
  properties: {
    companyName: { type: 'string', title: 'Company name', minLength: 2 },
    email: { type: 'string', format: 'email', title: 'Email' },
    segment: { enum: ['dealer', 'corporate', 'chain'], title: 'Segment' },
  },
};

function App() {
  const [value, setValue] = useState<JsonValue>({ companyName: 'Acme' });
  const [locale, setLocale] = useState('en');
  const [saved, setSaved] = useState('');
  const card = useRef<KcCardElement>(null);
  const save = () => {
    const result = card.current!.validate();
    if (result.valid) setSaved(JSON.stringify(card.current!.value));
    else card.current!.focusFirstInvalid();
  };
  return (
    <main>
      <label>
        Language{' '}
        <select id="locale" value={locale} onChange={(e) => setLocale(e.target.value)}>
          <option value="en">English</option>
          <option value="ru">Русский</option>
          <option value="de">Deutsch</option>
        </select>
      </label>
      <KcCard
        ref={card}
        schema={schema}
        value={value}
        locale={locale}
        onKcChange={() => setValue(structuredClone(card.current!.value) as JsonValue)}
      />
      <button id="save" onClick={save}>
        Save
      </button>
      <pre id="state">{JSON.stringify(value)}</pre>
      <output id="saved">{saved}</output>
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
