// Defaults Azure applies to fields a file leaves out (AZURE-ML-FACTS.md §2a–§2c), in one place.

/** v2 `amlCompute.size` and aml-compute `vm_size` of an `amlcluster`. */
export const AML_COMPUTE_DEFAULT_SIZE = 'Standard_DS3_v2';
/** v2 `amlCompute.max_instances`. */
export const AML_COMPUTE_DEFAULT_MAX_INSTANCES = 1;
/** aml-compute `max_nodes` of an `amlcluster`. */
export const AML_ACTION_CLUSTER_DEFAULT_MAX_NODES = 4;
/** aml-compute `akscluster` `vm_size` (AksProvisioningConfiguration). */
export const AKS_DEFAULT_SIZE = 'Standard_D3_v2';
/** aml-compute `akscluster` `agent_count` (AksProvisioningConfiguration). */
export const AKS_DEFAULT_NODES = 3;

/** v1 `containerResourceRequirements.memoryInGB` / aml-deploy `memory_gb`. */
export const V1_DEFAULT_MEMORY_GB = 0.5;
/** v1 `containerResourceRequirements.cpu` / aml-deploy `cpu_cores`. */
export const V1_DEFAULT_CPU = 0.1;
/** azureml-fe's autoscale maximum when `autoScaler.maxReplicas` / `autoscale_max_replicas` is not set. */
export const V1_DEFAULT_AUTOSCALE_MAX = 10;

/** Kubernetes online `scale_settings.max_instances`. */
export const KUBERNETES_DEFAULT_MAX_INSTANCES = 1;
/** Kubernetes default instance type (`defaultinstancetype`) requests. */
export const KUBERNETES_DEFAULT_INSTANCE_TYPE = { cpu: '100m', memory: '2Gi' };
/** Minimum requests of an MLflow (no-code) model on a Kubernetes online endpoint. */
export const KUBERNETES_MLFLOW_MIN = { cpu: 2, memoryGi: 4 };
