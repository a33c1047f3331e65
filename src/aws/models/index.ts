// The checked-in service models, keyed by botocore's service name: the data of the service layer
// (its input constraints, src/aws/input.ts) and of the console (commands, help, output shapes).
import type { ServiceModel } from './model.js';
import ec2 from './ec2.json' with { type: 'json' };
import iam from './iam.json' with { type: 'json' };
import organizations from './organizations.json' with { type: 'json' };
import rolesanywhere from './rolesanywhere.json' with { type: 'json' };
import s3 from './s3.json' with { type: 'json' };
import sts from './sts.json' with { type: 'json' };

export const SERVICE_MODELS: Readonly<Record<string, ServiceModel>> = {
  ec2: ec2 as ServiceModel,
  iam: iam as ServiceModel,
  organizations: organizations as ServiceModel,
  rolesanywhere: rolesanywhere as ServiceModel,
  s3: s3 as ServiceModel,
  sts: sts as ServiceModel,
};
