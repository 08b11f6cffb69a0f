import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareReports } from '../../src/gate/compare.js';
import { evaluateGate } from '../../src/gate/decision.js';
import { escapeXml, renderJUnit } from '../../src/reports/junit.js';
import type { Report } from '../../src/report-schema.js';
import { flip, gateConfig, ids, item, items, report } from './helpers.js';

// The Ant JUnit schema (Apache-2.0, Windy Road), the one CI systems' JUnit readers follow.
const XSD = path.join(import.meta.dirname, 'fixtures', 'JUnit.xsd');
const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;
const dir = mkdtempSync(path.join(tmpdir(), 'evals-junit-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const baseItems = [...items('head', 1000, 1000), ...items('long-tail', 40, 40)];
const timestamp = new Date('2025-03-04T05:06:07.890Z');

function junit(base: Report | null, head: Report, gateInput = {}) {
  const gate = gateConfig(gateInput);
  const comparison = compareReports(base, head, gate);
  return renderJUnit([{ comparison, verdict: evaluateGate(comparison, head, gate), head }], { timestamp, hostname: 'ci' });
}

/** Validates with xmllint against the Ant JUnit schema; throws with xmllint's message when invalid. */
function validate(xml: string, name: string): void {
  const file = path.join(dir, `${name}.xml`);
  writeFileSync(file, xml);
  execFileSync('xmllint', ['--noout', '--schema', XSD, file], { stdio: 'pipe' });
}

const failing = () => junit(report(baseItems, { candidate: 'v1' }), report(flip(baseItems, ids('long-tail', 0, 15))), { minScore: 0.9 });

describe('renderJUnit', () => {
  it('has one testcase per slice x gated metric and a failure with the gate’s reasons', () => {
    const xml = failing();
    expect(xml).toContain(
      '<testsuite name="support.head" package="evals" id="0" timestamp="2025-03-04T05:06:07" hostname="ci" tests="3" failures="1" errors="0" time="0">',
    );
    expect(xml.match(/<testcase /g)).toHaveLength(3);
    expect(xml).toContain('<testcase name="all / pass" classname="support.head" time="0"/>');
    expect(xml).toMatch(
      /<testcase name="long-tail \/ pass" classname="support.head" time="0">\n {6}<failure message="long-tail \/ pass: 1\.00 → 0\.63 \(−37\.5 points[^"]*tolerance; long-tail \/ pass: 0\.63 is below the floor of 0\.90 \(n = 40\)" type="regression,floor">/,
    );
  });

  it('escapes markup and drops characters XML cannot carry', () => {
    expect(escapeXml('a < b & c > d\u0000\u0007 ok 🙂')).toBe('a &lt; b &amp; c &gt; d ok 🙂');
    const nasty = [item('x-1', ['<&"\'> \u0001 tail'], true), item('x-2', ['<&"\'> \u0001 tail'], true)];
    const xml = junit(report(nasty), report(flip(nasty, new Set(['x-1', 'x-2']))), { minScore: 0.99 });
    expect(xml).toContain('name="&lt;&amp;&quot;\'&gt;  tail / pass"');
  });

  it.skipIf(!hasXmllint)(`validates against the JUnit schema${hasXmllint ? '' : ' (skipped: xmllint is not installed; apt-get install libxml2-utils)'}`, () => {
    validate(failing(), 'failing');
    validate(junit(report(baseItems), report(baseItems)), 'passing');
    validate(junit(null, report(baseItems), { minScore: 0.99 }), 'no-baseline');
    const nasty = [item('x-1', ['<&"\'> \u0001 tail'], true), item('x-2', ['<&"\'> \u0001 tail'], false)];
    validate(junit(report(nasty), report(flip(nasty, new Set(['x-1']))), { minScore: 0.99 }), 'nasty');
    expect(() => validate('<testsuites><testsuite name="x"/></testsuites>', 'invalid')).toThrow();
  });
});
