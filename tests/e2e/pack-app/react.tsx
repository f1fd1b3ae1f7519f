// The React flavour of the packed app: @kartochka/react's <KcCard>, controlled, typed events.
import { useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { KcCard, type KcCardElement } from '@kartochka/react';
import { b2bClientCard } from '@kartochka/templates';
import type { JsonValue } from '@kartochka/core';

function App() {
  const [value, setValue] = useState<JsonValue>({ general: { companyName: 'Acme' } });
  const [path, setPath] = useState('');
  const card = useRef<KcCardElement>(null);
  return (
    <>
      <KcCard
        ref={card}
        schema={b2bClientCard.schema}
        value={value}
        locale="de"
        onKcChange={(e) => {
          setPath(e.detail.path);
          setValue(structuredClone(card.current!.value) as JsonValue);
        }}
      />
      <output id="result">{path && `${path}=${JSON.stringify(value)}`}</output>
    </>
  );
}

createRoot(document.getElementById('root')!).render(<App />);
