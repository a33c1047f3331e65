// Amazon EC2, as much as the "application on EC2" scenario needs (EC2 API reference;
// id_roles_use_switch-role-ec2): instances launched with an instance profile, which takes
// `iam:PassRole` on its role, metadata options (IMDSv2 required or optional), and terminating.
// A running instance's profile can be associated, replaced and disassociated later
// (attach-replace-ec2-instance-profile); IMDS then hands out the new role's credentials.
// Simulated instances run Amazon Linux 2023, whose AMIs set ImdsSupport v2.0, so IMDSv2 is
// required unless the launch says otherwise (configuring-IMDS-new-instances).
import { authorize } from './authorize.js';
import { AwsError } from './errors.js';
import { callerAccount } from './iam/account.js';
import { newHexId } from './ids.js';
import { strings, structure, text } from './input.js';
import type { Operation, Params, RequestEnvironment } from './operation.js';
import { isoSeconds } from './time.js';
import type { Account, Ec2Instance, InstanceProfile, World } from './world.js';

/** At most this many instances per RunInstances here: lessons need one or two. */
const MAX_COUNT = 5;
const AMAZON_LINUX_2023 = 'ami-0fff1b9a61dec8a5f';

const instanceArn = (env: RequestEnvironment, instanceId: string) =>
  `arn:aws:ec2:${env.region}:${callerAccount(env).id}:instance/${instanceId}`;

function notFound(ids: readonly string[]): AwsError {
  const list = ids.map((id) => `'${id}'`).join(', ');
  return new AwsError(
    'InvalidInstanceID.NotFound',
    ids.length === 1
      ? `The instance ID ${list} does not exist`
      : `The instance IDs ${list} do not exist`,
  );
}

/** The caller's instances in the request's region (EC2 is regional). */
function ownInstances(env: RequestEnvironment): Ec2Instance[] {
  const account = callerAccount(env).id;
  return Object.values(env.world.instances).filter(
    (i) => i.account === account && i.region === env.region,
  );
}

/**
 * The caller's instances by id, in the request's region; any id that is not one of them is
 * InvalidInstanceID.NotFound.
 */
function instancesOf(env: RequestEnvironment, ids: readonly string[]): Ec2Instance[] {
  const account = callerAccount(env).id;
  const isOurs = (instance: Ec2Instance | undefined): instance is Ec2Instance =>
    instance?.account === account && instance.region === env.region;
  const missing = ids.filter((id) => !isOurs(env.world.instances[id]));
  if (missing.length > 0) throw notFound(missing);
  return ids.map((id) => env.world.instances[id]).filter(isOurs);
}

/** The instance profile an instance has now, if any. */
function profileOf(world: World, instance: Ec2Instance): InstanceProfile | undefined {
  if (instance.instanceProfileArn === undefined) return undefined;
  return Object.values(world.accounts[instance.account]?.iam.instanceProfiles ?? {}).find(
    (p) => p.arn === instance.instanceProfileArn,
  );
}

/** The instance profile that `IamInstanceProfile: {Arn | Name}` names, as EC2 reports a bad one. */
function instanceProfileOf(account: Account, spec: Record<string, unknown>): InstanceProfile {
  const arn = typeof spec.Arn === 'string' ? spec.Arn : undefined;
  const name = typeof spec.Name === 'string' ? spec.Name : undefined;
  if (arn !== undefined && name !== undefined) {
    throw new AwsError(
      'InvalidParameterCombination',
      'The parameter iamInstanceProfile.name may not be used in combination with iamInstanceProfile.arn',
    );
  }
  const profile = Object.values(account.iam.instanceProfiles).find((p) =>
    arn === undefined ? p.instanceProfileName.toLowerCase() === name?.toLowerCase() : p.arn === arn,
  );
  if (profile === undefined) {
    const [field, value] = arn === undefined ? ['name', name] : ['arn', arn];
    throw new AwsError(
      'InvalidParameterValue',
      `Value (${value ?? ''}) for parameter iamInstanceProfile.${field} is invalid. Invalid IAM Instance Profile ${field}`,
    );
  }
  return profile;
}

/**
 * Handing a role to EC2 is passing it: the caller needs iam:PassRole on the profile's role, with
 * iam:PassedToService ec2.amazonaws.com (id_roles_use_passrole).
 */
function passRoleOf(env: RequestEnvironment, account: Account, profile: InstanceProfile): void {
  const roleName = profile.roles[0];
  const role = roleName === undefined ? undefined : account.iam.roles[roleName.toLowerCase()];
  if (role === undefined) return;
  authorize(env, {
    service: 'ec2',
    action: 'iam:PassRole',
    resource: role.arn,
    context: { 'iam:PassedToService': 'ec2.amazonaws.com' },
  });
}

type AssociationState = 'associating' | 'associated' | 'disassociating';

/** An association as EC2 shows it (the model's `IamInstanceProfileAssociation`). */
function associationView(world: World, instance: Ec2Instance, state: AssociationState) {
  const profile = profileOf(world, instance);
  return {
    AssociationId: instance.profileAssociation?.associationId,
    InstanceId: instance.instanceId,
    ...(profile ? { IamInstanceProfile: { Arn: profile.arn, Id: profile.instanceProfileId } } : {}),
    State: state,
    Timestamp: instance.profileAssociation?.timestamp,
  };
}

/**
 * Gives the instance the profile under a new association id. The role session IMDS was handing
 * out is dropped, so the next request for credentials gets one for the new profile's role.
 */
function associate(world: World, instance: Ec2Instance, profile: InstanceProfile): void {
  instance.instanceProfileArn = profile.arn;
  instance.profileAssociation = {
    associationId: `iip-assoc-${newHexId(world)}`,
    timestamp: isoSeconds(world.now),
  };
  delete instance.roleSessionKey;
}

/** The caller's instances that have a profile now: a terminated instance's went with it. */
const associatedInstances = (env: RequestEnvironment) =>
  ownInstances(env).filter((i) => i.profileAssociation !== undefined && i.state !== 'terminated');

/**
 * The caller's instance (in the request's region) that holds the association `AssociationId`
 * names. AWS's words for an unknown one were not found recorded; these are moto's.
 */
function associatedInstance(env: RequestEnvironment, params: Params): Ec2Instance {
  const id = text(params, 'AssociationId') ?? '';
  const instance = associatedInstances(env).find((i) => i.profileAssociation?.associationId === id);
  if (instance === undefined) {
    throw new AwsError(
      'InvalidAssociationID.NotFound',
      `An invalid association-id of '${id}' was given`,
    );
  }
  return instance;
}

/** The instance an association operation is authorized on, or all of them for an unknown id. */
const associationResource: Operation['resource'] = (env, params) => {
  const id = text(params, 'AssociationId');
  const instance = associatedInstances(env).find((i) => i.profileAssociation?.associationId === id);
  return instanceArn(env, instance?.instanceId ?? '*');
};

const STATES = {
  pending: { Code: 0, Name: 'pending' },
  running: { Code: 16, Name: 'running' },
  'shutting-down': { Code: 32, Name: 'shutting-down' },
  terminated: { Code: 48, Name: 'terminated' },
} as const;

/** An instance as DescribeInstances shows it (the model's `Instance`), in a given state. */
function instanceView(
  world: RequestEnvironment['world'],
  instance: Ec2Instance,
  state: keyof typeof STATES = instance.state,
): Record<string, unknown> {
  const profile = profileOf(world, instance);
  return {
    AmiLaunchIndex: 0,
    ImageId: instance.imageId,
    InstanceId: instance.instanceId,
    InstanceType: instance.instanceType,
    LaunchTime: instance.launchTime,
    Placement: { AvailabilityZone: `${instance.region}a`, GroupName: '', Tenancy: 'default' },
    PrivateIpAddress: instance.privateIpAddress,
    State: STATES[state],
    ...(profile ? { IamInstanceProfile: { Arn: profile.arn, Id: profile.instanceProfileId } } : {}),
    MetadataOptions: {
      State: 'applied',
      HttpTokens: instance.httpTokens,
      HttpPutResponseHopLimit: 2,
      HttpEndpoint: 'enabled',
      HttpProtocolIpv6: 'disabled',
      InstanceMetadataTags: 'disabled',
    },
  };
}

/** HttpTokens as launched: as asked, else the AMI's default (v2.0 for Amazon Linux 2023). */
function httpTokensOf(params: Params, imageId: string): Ec2Instance['httpTokens'] {
  const value = structure(params, 'MetadataOptions').HttpTokens;
  if (value === 'optional' || value === 'required') return value;
  return imageId === AMAZON_LINUX_2023 ? 'required' : 'optional';
}

export const RunInstances: Operation = {
  service: 'ec2',
  name: 'RunInstances',
  action: 'ec2:RunInstances',
  resource: (env) => `arn:aws:ec2:${env.region}:${callerAccount(env).id}:instance/*`,
  run: (env, params) => {
    const account = callerAccount(env);
    const imageId = text(params, 'ImageId');
    if (imageId === undefined) {
      throw new AwsError('MissingParameter', 'The request must contain the parameter ImageId');
    }
    const minCount = Number(params.MinCount ?? 1);
    const maxCount = Number(params.MaxCount ?? 1);
    if (!(minCount >= 1 && maxCount >= minCount)) {
      throw new AwsError(
        'InvalidParameterValue',
        `Value (${minCount}) for parameter minCount is invalid. Expected a positive count no greater than maxCount.`,
      );
    }
    const profileSpec = structure(params, 'IamInstanceProfile');
    const profile =
      Object.keys(profileSpec).length > 0 ? instanceProfileOf(account, profileSpec) : undefined;
    if (profile) passRoleOf(env, account, profile);
    // As many as MaxCount asks within the limit, if at least MinCount fit.
    if (minCount > MAX_COUNT) {
      throw new AwsError(
        'InstanceLimitExceeded',
        `You have requested more instances (${minCount}) than your current instance limit of ${MAX_COUNT} allows for the specified instance type. Please visit http://aws.amazon.com/contact-us/ec2-request to request an adjustment to this limit.`,
      );
    }
    const count = Math.min(maxCount, MAX_COUNT);
    const { world } = env;
    const reservationId = `r-${newHexId(world)}`;
    const instances: Ec2Instance[] = [];
    for (let i = 0; i < count; i++) {
      const instanceId = `i-${newHexId(world)}`;
      const serial = Object.keys(world.instances).length + 10;
      const instance: Ec2Instance = {
        instanceId,
        reservationId,
        account: account.id,
        region: env.region,
        imageId,
        instanceType: text(params, 'InstanceType') ?? 'm1.small',
        launchTime: isoSeconds(world.now),
        state: 'running',
        privateIpAddress: `172.31.${Math.floor(serial / 250)}.${serial % 250}`,
        httpTokens: httpTokensOf(params, imageId),
        metadataTokens: {},
      };
      if (profile) associate(world, instance, profile);
      world.instances[instanceId] = instance;
      instances.push(instance);
    }
    return {
      Groups: [],
      Instances: instances.map((instance) => instanceView(world, instance, 'pending')),
      OwnerId: account.id,
      ReservationId: reservationId,
    };
  },
};

export const DescribeInstances: Operation = {
  service: 'ec2',
  name: 'DescribeInstances',
  action: 'ec2:DescribeInstances',
  resource: () => '*',
  run: (env, params) => {
    const ids = Array.isArray(params.InstanceIds) ? (params.InstanceIds as string[]) : undefined;
    const account = callerAccount(env).id;
    const instances = ids === undefined ? ownInstances(env) : instancesOf(env, ids);
    const reservations = new Map<string, Ec2Instance[]>();
    for (const instance of instances) {
      reservations.set(instance.reservationId, [
        ...(reservations.get(instance.reservationId) ?? []),
        instance,
      ]);
    }
    return {
      Reservations: [...reservations].map(([reservationId, members]) => ({
        Groups: [],
        Instances: members.map((instance) => instanceView(env.world, instance)),
        OwnerId: account,
        ReservationId: reservationId,
      })),
    };
  },
};

/** The one instance an operation names by `InstanceId`. */
function namedInstance(env: RequestEnvironment, params: Params): Ec2Instance {
  const [instance] = instancesOf(env, [text(params, 'InstanceId') ?? '']);
  if (instance === undefined) throw notFound([text(params, 'InstanceId') ?? '']);
  return instance;
}

/**
 * Each instance is a resource of its own: every one must be allowed before any is terminated
 * (the operation is authorized here, per instance, rather than once for the request).
 */
export const TerminateInstances: Operation = {
  service: 'ec2',
  name: 'TerminateInstances',
  run: (env, params) => {
    const ids = Array.isArray(params.InstanceIds) ? (params.InstanceIds as string[]) : [];
    const instances = instancesOf(env, ids);
    for (const instance of instances) {
      authorize(env, {
        service: 'ec2',
        action: 'ec2:TerminateInstances',
        resource: instanceArn(env, instance.instanceId),
      });
    }
    const changes = instances.map((instance) => {
      const previous = STATES[instance.state];
      instance.state = 'terminated';
      instance.metadataTokens = {};
      return {
        InstanceId: instance.instanceId,
        // An instance already terminated stays so; a running one is on its way.
        CurrentState: previous.Name === 'terminated' ? previous : STATES['shutting-down'],
        PreviousState: previous,
      };
    });
    return { TerminatingInstances: changes };
  },
};

export const ModifyInstanceMetadataOptions: Operation = {
  service: 'ec2',
  name: 'ModifyInstanceMetadataOptions',
  action: 'ec2:ModifyInstanceMetadataOptions',
  resource: (env, params) => instanceArn(env, text(params, 'InstanceId') ?? ''),
  run: (env, params) => {
    const instance = namedInstance(env, params);
    const tokens = text(params, 'HttpTokens');
    if (tokens === 'optional' || tokens === 'required') instance.httpTokens = tokens;
    const view = instanceView(env.world, instance).MetadataOptions as Record<string, unknown>;
    return {
      InstanceId: instance.instanceId,
      InstanceMetadataOptions: { ...view, State: 'pending' },
    };
  },
};

/**
 * The profile `IamInstanceProfile` names, its role passed to EC2 (iam:PassRole, as at launch),
 * made the instance's new association; the association as Associate and Replace answer it.
 */
function associateProfile(
  env: RequestEnvironment,
  instance: Ec2Instance,
  params: Params,
): Record<string, unknown> {
  const account = callerAccount(env);
  const profile = instanceProfileOf(account, structure(params, 'IamInstanceProfile'));
  passRoleOf(env, account, profile);
  associate(env.world, instance, profile);
  return { IamInstanceProfileAssociation: associationView(env.world, instance, 'associating') };
}

export const AssociateIamInstanceProfile: Operation = {
  service: 'ec2',
  name: 'AssociateIamInstanceProfile',
  action: 'ec2:AssociateIamInstanceProfile',
  resource: (env, params) => instanceArn(env, text(params, 'InstanceId') ?? ''),
  run: (env, params) => {
    const instance = namedInstance(env, params);
    if (instance.instanceProfileArn !== undefined) {
      throw new AwsError(
        'IncorrectState',
        `There is an existing association for instance ${instance.instanceId}`,
      );
    }
    return associateProfile(env, instance, params);
  },
};

/**
 * ReplaceIamInstanceProfileAssociation: another profile without disassociating first; its role
 * is passed to EC2 as at launch, so iam:PassRole is checked the same way. The new association
 * has a new id.
 */
export const ReplaceIamInstanceProfileAssociation: Operation = {
  service: 'ec2',
  name: 'ReplaceIamInstanceProfileAssociation',
  action: 'ec2:ReplaceIamInstanceProfileAssociation',
  resource: associationResource,
  run: (env, params) => {
    const instance = associatedInstance(env, params);
    return associateProfile(env, instance, params);
  },
};

/** DisassociateIamInstanceProfile: the instance keeps running, without a role. */
export const DisassociateIamInstanceProfile: Operation = {
  service: 'ec2',
  name: 'DisassociateIamInstanceProfile',
  action: 'ec2:DisassociateIamInstanceProfile',
  resource: associationResource,
  run: (env, params) => {
    const instance = associatedInstance(env, params);
    const view = associationView(env.world, instance, 'disassociating');
    delete instance.instanceProfileArn;
    delete instance.profileAssociation;
    delete instance.roleSessionKey;
    return { IamInstanceProfileAssociation: view };
  },
};

/** The association filters EC2 documents for DescribeIamInstanceProfileAssociations. */
const ASSOCIATION_FILTERS: Record<string, (instance: Ec2Instance) => string> = {
  'instance-id': (instance) => instance.instanceId,
  state: () => 'associated',
};

/**
 * DescribeIamInstanceProfileAssociations: the caller's current associations, all of them or
 * those named by id, narrowed by the `instance-id` and `state` filters. The simulated world
 * answers in one page, as DescribeInstances does.
 */
export const DescribeIamInstanceProfileAssociations: Operation = {
  service: 'ec2',
  name: 'DescribeIamInstanceProfileAssociations',
  action: 'ec2:DescribeIamInstanceProfileAssociations',
  resource: () => '*',
  run: (env, params) => {
    const associated = associatedInstances(env);
    const ids = strings(params, 'AssociationIds');
    const missing = (ids ?? []).find(
      (id) => !associated.some((i) => i.profileAssociation?.associationId === id),
    );
    if (missing !== undefined) {
      throw new AwsError(
        'InvalidAssociationID.NotFound',
        `An invalid association-id of '${missing}' was given`,
      );
    }
    const filters = Array.isArray(params.Filters)
      ? (params.Filters as { Name?: unknown; Values?: unknown }[])
      : [];
    const selected = associated.filter((instance) =>
      filters.every(({ Name, Values }) => {
        const valueOf = ASSOCIATION_FILTERS[String(Name)];
        if (valueOf === undefined) {
          throw new AwsError('InvalidParameterValue', `The filter '${String(Name)}' is invalid`);
        }
        return Array.isArray(Values) && Values.includes(valueOf(instance));
      }),
    );
    return {
      IamInstanceProfileAssociations: selected
        .filter((i) => ids === undefined || ids.includes(i.profileAssociation?.associationId ?? ''))
        .map((instance) => associationView(env.world, instance, 'associated')),
    };
  },
};

export const EC2_OPERATIONS: readonly Operation[] = [
  RunInstances,
  DescribeInstances,
  TerminateInstances,
  ModifyInstanceMetadataOptions,
  AssociateIamInstanceProfile,
  ReplaceIamInstanceProfileAssociation,
  DisassociateIamInstanceProfile,
  DescribeIamInstanceProfileAssociations,
];
