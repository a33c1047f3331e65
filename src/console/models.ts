// The checked-in service models, keyed by botocore's service name.
import type { ServiceModel } from './model.js';
import ec2 from './models/ec2.json' with { type: 'json' };
import iam from './models/iam.json' with { type: 'json' };
import organizations from './models/organizations.json' with { type: 'json' };
import rolesanywhere from './models/rolesanywhere.json' with { type: 'json' };
import s3 from './models/s3.json' with { type: 'json' };
import sts from './models/sts.json' with { type: 'json' };

export const SERVICE_MODELS: Readonly<Record<string, ServiceModel>> = {
  ec2: ec2 as ServiceModel,
  iam: iam as ServiceModel,
  organizations: organizations as ServiceModel,
  rolesanywhere: rolesanywhere as ServiceModel,
  s3: s3 as ServiceModel,
  sts: sts as ServiceModel,
};
