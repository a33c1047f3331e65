// The shape of src/aws/models/<service>.json, written by scripts/extract-aws-models.mjs: a slice
// of AWS's own service models (botocore's vocabulary), with the operations the simulator supports.

export type ShapeType =
  | 'structure'
  | 'list'
  | 'map'
  | 'string'
  | 'integer'
  | 'long'
  | 'float'
  | 'double'
  | 'boolean'
  | 'timestamp'
  | 'blob';

/** A reference to a shape, with the traits that belong to where it is used. */
export interface MemberRef {
  shape: string;
  /** The name on the wire (XML element, query key, HTTP header...), when it differs. */
  locationName?: string;
  location?: string;
  queryName?: string;
  idempotencyToken?: boolean;
  hostLabel?: boolean;
  deprecated?: boolean;
}

export interface Shape {
  type: ShapeType;
  required?: string[];
  members?: Record<string, MemberRef>;
  member?: MemberRef;
  key?: MemberRef;
  value?: MemberRef;
  /** Length for strings, lists and blobs; value for numbers. */
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
  sensitive?: boolean;
  streaming?: boolean;
  flattened?: boolean;
  timestampFormat?: string;
  payload?: string;
}

export interface Paginator {
  inputToken: string[];
  outputToken: string[];
  limitKey?: string;
  moreResults?: string;
  resultKey?: string[];
  /** Keys kept beside the result lists when the CLI joins the pages (botocore paginators-1.json). */
  nonAggregateKeys?: string[];
}

export interface OperationModel {
  input?: MemberRef;
  output?: MemberRef;
  resultWrapper?: string;
  paginator?: Paginator;
}

export interface ServiceModel {
  source: string;
  metadata: {
    apiVersion: string;
    endpointPrefix: string;
    protocol: string;
    serviceFullName: string;
    serviceId: string;
  };
  /** Every operation of the service, supported here or not. */
  allOperations: string[];
  /** The operations the simulator supports. */
  operations: Record<string, OperationModel>;
  shapes: Record<string, Shape>;
}

/** The shape a reference points at; the generator guarantees every reference resolves. */
export function shapeOf(model: ServiceModel, ref: MemberRef): Shape {
  const shape = model.shapes[ref.shape];
  if (shape === undefined)
    throw new Error(`model ${model.metadata.serviceId} has no shape ${ref.shape}`);
  return shape;
}
