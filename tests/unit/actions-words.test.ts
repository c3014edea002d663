import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actionsCount, filteredIntro, pageWords, pagesWords, rowsWords, tabTitle } from '../../src/catalogue/actions-words.ts';

test('the count of actions agrees with its number, zero included', () => {
  assert.equal(actionsCount(0), 'aucune action ou engagement');
  assert.equal(actionsCount(1), '1 action ou engagement');
  assert.equal(actionsCount(206), '206 actions et engagements');
});

test('the page words are empty for a table of one page', () => {
  assert.equal(pageWords(1, 1), '');
  assert.equal(pageWords(2, 3), 'Page 2 sur 3');
  assert.equal(pagesWords(1, 200), '');
  assert.equal(pagesWords(2, 200), ', en 2 pages de 200 lignes au plus');
  assert.equal(rowsWords(1, 1, 200, 11), '');
});

test('the rows of a page are named with their range, the colon held to its word', () => {
  assert.equal(rowsWords(1, 2, 200, 200), ', page 1 sur 2\u00a0: lignes 1 à 200');
  assert.equal(rowsWords(2, 2, 200, 6), ', page 2 sur 2\u00a0: lignes 201 à 206');
});

test('the filtered introduction says how many match, agrees its verb, and names the pages only when there are several', () => {
  assert.equal(filteredIntro(0, 206, 1, 200), 'Aucune action ou engagement ne correspond aux filtres.');
  assert.equal(filteredIntro(1, 206, 1, 200), '1 action ou engagement sur 206 correspond aux filtres.');
  assert.equal(filteredIntro(12, 206, 1, 200), '12 actions et engagements sur 206 correspondent aux filtres.');
  assert.equal(
    filteredIntro(201, 206, 2, 200),
    '201 actions et engagements sur 206 correspondent aux filtres, en 2 pages de 200 lignes au plus.',
  );
});

test('the tab title keeps the whole site name, even when it holds the separator', () => {
  const site = 'Politique handicap — conventions et plans';
  assert.equal(tabTitle('Actions filtrées', 1, 1, site), `Actions filtrées — ${site}`);
  assert.equal(tabTitle('Actions filtrées', 2, 3, site), `Actions filtrées — Page 2 sur 3 — ${site}`);
});
