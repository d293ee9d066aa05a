/**
 * `npm run lab:up` / `npm run lab:down` / `npm run lab:status` for manual work.
 * The lab stays up after `lab:up` until `lab:down`.
 */
import { labDown, labLeftovers, labStatus, labUp, office, truth } from './lab.js';
import { labLockHolder } from './lock.js';

const [command = 'status', ...flags] = process.argv.slice(2);
const log = (line: string): void => console.error(`lab: ${line}`);

async function main(): Promise<number> {
  const holder = labLockHolder();
  if ((command === 'up' || command === 'down') && holder !== null && !flags.includes('--force')) {
    console.error(`lab: a test run (pid ${holder}) is using the lab; retry when it ends, or pass --force`);
    return 4;
  }
  switch (command) {
    case 'up': {
      const result = await labUp({ fresh: flags.includes('--fresh'), log });
      console.log(`lab up: ${result.hosts} hosts, ${result.processes} processes, ${Math.round(result.upMs)} ms${result.reused ? ' (reused)' : ''}`);
      console.log(`technician: ip netns exec ${office.technician.namespace} <command>   (${office.technician.ip}, gateway ${office.technician.gateway})`);
      return 0;
    }
    case 'down': {
      const result = await labDown();
      const leftovers = await labLeftovers();
      console.log(`lab down: ${result.killed} processes stopped, ${result.namespacesDeleted} namespaces deleted, ${Math.round(result.downMs)} ms`);
      if (leftovers.length > 0) {
        console.error(`left behind:\n  ${leftovers.join('\n  ')}`);
        return 1;
      }
      return 0;
    }
    case 'status': {
      const status = await labStatus();
      console.log(`lab ${status.up ? 'UP' : 'DOWN'} (state in ${status.stateDir}${status.up && !status.fingerprintMatches ? ', built from an older office' : ''})`);
      console.log(`namespaces: ${status.presentNamespaces.length} present, ${status.missingNamespaces.length} missing`);
      const dead = status.processes.filter((p) => !p.alive);
      console.log(`processes: ${status.processes.length - dead.length} alive, ${dead.length} dead${dead.length ? `: ${dead.map((p) => `${p.host}/${p.role}`).join(', ')}` : ''}`);
      if (status.up) {
        for (const h of truth.hosts) console.log(`  ${h.ip.padEnd(13)} ${h.mac}  ${h.name.padEnd(16)} ${h.expected.type.padEnd(13)} snmp:${h.snmp ? h.snmp.version : '-'}${h.answersPing ? '' : ' (drops ICMP)'}`);
      }
      return status.up ? 0 : 3;
    }
    default:
      console.error('usage: tsx tests/lab/cli.ts up [--fresh] [--force] | down [--force] | status');
      return 2;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
