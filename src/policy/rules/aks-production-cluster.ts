import type { ComputeInfo, Deployment } from '../../core/types.js';
import type { DeploymentRule } from '../rule.js';
import { sentenceList } from '../../core/text.js';
import { describeDeployment, num, unknownSku } from '../kit/describe.js';
import { computeNodes, computeVmSize } from '../kit/facts.js';
import { hasResolvedCompute, noComputeNamed } from '../kit/gaps.js';
import { TABLE, help } from '../kit/help.js';

function onAksCompute(d: Deployment): boolean {
  return d.target === 'aks' && d.mode === 'realtime';
}

function isAksCompute(c: ComputeInfo): boolean {
  return c.type === 'aks' || c.type === 'kubernetes';
}

export const rule: DeploymentRule = {
  id: 'aks-production-cluster',
  scope: 'deployment',
  defaultSeverity: 'error',
  description: 'A production AKS deployment needs a FastProd cluster with at least 3 nodes and 12 vCPUs.',
  remediation: 'Use a FastProd AKS cluster with ≥ 3 nodes and ≥ 12 vCPUs in total (e.g. 3 × Standard_D3_v2).',
  help: help(
    'The compute target table reserves AKS for "high-scale production deployments". Azure ML requires a production (FastProd) cluster ' +
      'of at least 12 vCPUs (2020 docs) / 3 nodes (current docs); DevTest clusters have no fault-tolerance guarantee and azureml-fe ' +
      'does not scale on them.',
    TABLE,
    'Azure ML "Create and attach an Azure Kubernetes Service cluster" (`how-to-create-attach-kubernetes.md`, 2020-10-02 and v1 2022-04-21)',
  ),
  productionOnly: true,
  needs: { compute: true },
  appliesTo: onAksCompute,
  check(d, ctx) {
    const minNodes = ctx.limits['aks-production-min-nodes'];
    const minVcpus = ctx.limits['aks-production-min-vcpus'];
    if (!hasResolvedCompute(ctx, d, noComputeNamed(d))) return;
    const c = d.compute;
    if (!isAksCompute(c)) return;
    const problems: string[] = [];
    if (c.purpose && c.purpose.toLowerCase().replace(/[^a-z]/g, '') === 'devtest') {
      problems.push('is a DevTest cluster');
    }
    const nodes = computeNodes(c);
    const size = computeVmSize(c);
    if (nodes === undefined) {
      ctx.skip(d, `the node count of compute "${c.name}" is unknown; declare \`nodes\` in config \`computes:\``);
    } else if (nodes < minNodes) {
      problems.push(`has ${nodes} node${nodes === 1 ? '' : 's'} (fewer than ${num(minNodes)})`);
    }
    if (nodes !== undefined) {
      if (!size) {
        ctx.skip(d, `the VM size of compute "${c.name}" is unknown; declare \`vm-size\` in config \`computes:\``);
      } else {
        const sku = ctx.skus.get(size);
        if (!sku) ctx.skip(d, unknownSku(size));
        else if (nodes * sku.vcpus < minVcpus) {
          problems.push(`has ${nodes} × ${sku.vcpus} = ${nodes * sku.vcpus} vCPUs (${sku.name}; fewer than ${num(minVcpus)})`);
        }
      }
    }
    if (problems.length === 0) return;
    const perNode = size ? ctx.skus.get(size)?.vcpus : undefined;
    const needNodes = Math.max(minNodes, perNode ? Math.ceil(minVcpus / perNode) : minNodes);
    ctx.report(
      d.computeRef.at,
      `${describeDeployment(d, 'production')} runs on AKS compute "${c.name}", which ${sentenceList(problems)}: ` +
        `use a FastProd cluster with ${needNodes} or more nodes${size ? ` of ${size}` : ''} (\`cluster_purpose: FastProd\`, \`agent_count: ${needNodes}\`).`,
    );
  },
};
