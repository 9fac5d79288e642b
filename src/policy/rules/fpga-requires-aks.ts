import { TARGETS } from '../../catalog/targets.js';
import type { Anchor, Deployment } from '../../core/types.js';
import { numberAt } from '../../formats/kit/values.js';
import type { DeploymentRule } from '../rule.js';
import { describeDeployment, describeModel, keyPath } from '../kit/describe.js';
import { computeVmSize, modelAnchor } from '../kit/facts.js';
import { TABLE, help } from '../kit/help.js';

/** FPGA inference runs only as a v1 (SDK/CLI v1, aml-deploy) web service on AKS. */
function isV1AksService(d: Deployment): boolean {
  return d.flavor === 'v1-web-service' && d.mode === 'realtime' && TARGETS[d.target].fpga && TARGETS[d.target].realtime;
}

export const rule: DeploymentRule = {
  id: 'fpga-requires-aks',
  scope: 'deployment',
  defaultSeverity: 'error',
  description: 'FPGA inference is supported only by v1 AKS web services (cluster of Standard_PB6s nodes).',
  remediation: 'Deploy FPGA models as an AKS web service on a Standard_PB6s cluster, or remove the FPGA request.',
  help: help(
    "The compute target table marks FPGA support only for AKS, and Azure ML's FPGA deployments (`AccelContainerImage`, Intel Arria 10 " +
      'on PBS-family VMs) exist only as v1 AKS web services. ACI, local services, compute clusters and v2 endpoints deploy without the FPGA.',
    TABLE,
    'Azure ML "Deploy ML models to FPGAs" (`v1/how-to-deploy-fpga-web-service.md`)',
  ),
  needs: { model: true, compute: true },
  appliesTo: (d) => !isV1AksService(d),
  check(d, ctx) {
    const asks: Array<{ at: Anchor; what: string }> = [];
    const fpga = d.fpga && d.fpga.value > 0 ? d.fpga : undefined;
    if (fpga) asks.push({ at: { manifest: fpga.manifest, ptr: fpga.ptr }, what: `\`${keyPath(fpga.ptr)}: ${fpga.value}\`` });
    else if (d.flavor === 'v1-web-service') {
      const v = numberAt(d.manifest, '/containerResourceRequirements/fpga');
      if (v !== undefined && v > 0) {
        asks.push({ at: { manifest: d.manifest, ptr: '/containerResourceRequirements/fpga' }, what: `\`containerResourceRequirements.fpga: ${v}\`` });
      }
    }
    // Only a managed online `instance_type` is a catalogue SKU; a Kubernetes one names an instance type of the cluster.
    if (d.target === 'managed-online' && d.instanceType && ctx.skus.get(d.instanceType.value)?.fpga) {
      asks.push({ at: { manifest: d.instanceType.manifest, ptr: d.instanceType.ptr }, what: `the FPGA VM size ${d.instanceType.value}` });
    }
    const size = d.compute ? computeVmSize(d.compute) : undefined;
    if (d.computeRef && size && ctx.skus.get(size)?.fpga) {
      asks.push({ at: d.computeRef.at, what: `compute "${d.compute?.name}" with the FPGA VM size ${size}` });
    }
    if (d.model?.accelerator === 'fpga') {
      asks.push({ at: modelAnchor(d), what: `${describeModel(d)} declared \`accelerator: fpga\`` });
    }
    for (const a of asks) {
      ctx.report(
        a.at,
        `${describeDeployment(d)} asks for an FPGA (${a.what}) but deploys to ${TARGETS[d.target].title}${d.manifest.family.v1 ? '' : ' through CLI/SDK v2'}: ` +
          'deploy the model as a v1 AKS web service on a Standard_PB6s cluster, or drop the FPGA requirement and use a CPU/GPU SKU.',
      );
    }
  },
};
