// Parses each BPMN 2.0 file named on the command line with bpmn-moddle and exits non-zero on any warning
// or error, printing them. Also checks that every flow node and lane has a diagram shape and every sequence
// flow an edge, so that the file opens laid out in a modeller.
import { readFile } from 'node:fs/promises';
import { BpmnModdle } from 'bpmn-moddle';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node check.mjs FILE.bpmn...');
  process.exit(2);
}

let failed = false;
for (const file of files) {
  const xml = await readFile(file, 'utf8');
  const moddle = new BpmnModdle();
  try {
    const { rootElement, warnings } = await moddle.fromXML(xml, 'bpmn:Definitions');
    for (const warning of warnings) {
      console.error(`${file}: warning: ${warning.message}`);
      failed = true;
    }

    const drawn = new Set();
    for (const diagram of rootElement.diagrams ?? []) {
      for (const element of diagram.plane?.planeElement ?? []) {
        if (element.bpmnElement) {
          drawn.add(element.bpmnElement.id);
        }
      }
    }

    let shapes = 0;
    for (const root of rootElement.rootElements ?? []) {
      if (root.$type !== 'bpmn:Process') {
        continue;
      }

      const elements = [...(root.flowElements ?? [])];
      for (const set of root.laneSets ?? []) {
        elements.push(...(set.lanes ?? []));
      }

      for (const element of elements) {
        shapes++;
        if (!drawn.has(element.id)) {
          console.error(`${file}: error: ${element.$type} ${element.id} has no diagram element`);
          failed = true;
        }
      }
    }

    if (shapes === 0) {
      console.error(`${file}: error: no process elements`);
      failed = true;
    }

    console.log(`${file}: ${shapes} elements, ${warnings.length} warnings`);
  } catch (error) {
    console.error(`${file}: error: ${error.message}`);
    failed = true;
  }
}

process.exit(failed ? 1 : 0);
