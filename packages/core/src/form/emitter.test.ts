import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PathEmitter } from './emitter.js';

test('PathEmitter: one listener or several per path, each removed by its own off, once', () => {
  const e = new PathEmitter();
  const calls: string[] = [];
  const offA = e.on('/a', () => calls.push('a1'));
  e.emit('/a');
  const offA2 = e.on('/a', () => calls.push('a2'));
  const offB = e.on('/b', () => calls.push('b'));
  e.emitAll(['/a', '/b']);
  assert.deepEqual(calls, ['a1', 'a1', 'a2', 'b']);
  offA();
  e.emit('/a');
  assert.deepEqual(calls.slice(4), ['a2']);
  offA2();
  offB();
  assert.deepEqual(e.paths(), []);
  // A second off of a removed subscription leaves a new one on the same path alone.
  const f = () => calls.push('f');
  const offF = e.on('/c', f);
  offF();
  e.on('/c', f);
  offF();
  e.emit('/c');
  assert.deepEqual(calls.slice(5), ['f']);
});

test('PathEmitter: a listener that unsubscribes another during emit does not break the loop', () => {
  const e = new PathEmitter();
  const calls: string[] = [];
  let offY = () => {};
  e.on('/p', () => {
    calls.push('x');
    offY();
  });
  offY = e.on('/p', () => calls.push('y'));
  e.emit('/p');
  e.emit('/p');
  assert.deepEqual(calls, ['x', 'y', 'x']);
});

test('PathEmitter: off(path, listener) removes that listener only', () => {
  const e = new PathEmitter();
  const calls: string[] = [];
  const a = () => calls.push('a');
  const b = () => calls.push('b');
  e.on('/p', a);
  e.on('/p', b);
  e.off('/p', a);
  e.emit('/p');
  e.off('/p', b);
  e.off('/p', b);
  e.emit('/p');
  assert.deepEqual(calls, ['b']);
  assert.deepEqual(e.paths(), []);
});
