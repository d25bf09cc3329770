#!/usr/bin/env node
/*
 * Counts type assertions (`x as T`, `<T>x`) in production code, `as const` excepted: each is a claim the
 * compiler does not check. Tests, testing/ folders, migrations and build output are left out.
 * `node scripts/count-casts.mjs [--by-file]`
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const roots = ['packages', 'apps'];
const skipped = (path) => /(^|\/)(node_modules|dist|testing|migrations)(\/|$)/.test(path) || /\.(test|e2e\.test)\.ts$/.test(path);

const files = [];
const walk = (dir) => {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (skipped(path)) continue;
    if (entry.isDirectory()) walk(path);
    else if (path.endsWith('.ts') && !path.endsWith('.d.ts')) files.push(path);
  }
};
for (const root of roots) walk(root);

const isConst = (node) => ts.isTypeReferenceNode(node.type) && node.type.typeName.getText() === 'const';
const byFile = new Map();
for (const file of files) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  let count = 0;
  const visit = (node) => {
    if ((ts.isAsExpression(node) || ts.isTypeAssertionExpression(node)) && !isConst(node)) count += 1;
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (count > 0) byFile.set(file, count);
}
const total = [...byFile.values()].reduce((sum, n) => sum + n, 0);
if (process.argv.includes('--by-file')) {
  for (const [file, count] of [...byFile].sort((a, b) => b[1] - a[1])) console.log(`${String(count).padStart(4)}  ${file}`);
}
console.log(`${total} type assertions in ${byFile.size} of ${files.length} production files`);
