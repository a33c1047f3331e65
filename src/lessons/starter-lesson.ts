// The starter lesson `iam-tutor new lesson NAME` writes: every step kind, a task with each part a
// lesson needs, commented. It passes `iam-tutor lessons check` as written (test/lessons/new-lesson.test.ts).
// __ID__, __TITLE__ and __SCHEMA__ are replaced by the lesson id, its title and the schema path.
export const STARTER_LESSON = `# yaml-language-server: $schema=__SCHEMA__
# A starter lesson written by \`iam-tutor new lesson\`. It passes \`iam-tutor lessons check\` as it
# is: change it a step at a time and run the check again. The format is in docs/authoring.md.

# The id is the file name after its number; progress and \`iam-tutor grade\` find the lesson by it.
id: __ID__
title: __TITLE__
summary: A role for an application on EC2 that reads one bucket, and nothing more.
# A tag for the kind of situation: admin-access, on-prem, ec2, federation, cross-account...
scenario: ec2
minutes: 10
steps:
  # A read step: a small markdown subset (*emphasis*, \`code\`, lists, tables). Each step must fit
  # an 80x24 terminal; a task's long goal is printed again by the console's \`goal\`.
  - kind: read
    id: why-a-role
    title: Why a role
    text: |
      An application on EC2 gets *temporary* credentials from its instance role. No
      access key is stored on the instance, so none can leak from it.

  # A quiz: each option has the feedback shown when it is chosen. Add \`multiple: true\` when
  # several options are correct and the learner must choose all of them.
  - kind: quiz
    id: which-credentials
    question: What should the application on the instance use?
    options:
      - text: An access key of an IAM user, in ~/.aws/credentials
        feedback: Keys on disk leak and never expire.
      - text: Temporary credentials of the instance's role
        correct: true
        feedback: The SDK reads them from the instance metadata service.

  # A predict step: the learner guesses the decision (allowed, explicitDeny, implicitDeny);
  # \`lessons check\` asks the policy engine, so \`answer\` cannot drift from what AWS would say.
  - kind: predict
    id: read-only-cannot-write
    text: bob has AmazonS3ReadOnlyAccess. Can he upload a file to the bucket?
    setup:
      - aws iam create-user --user-name bob
      - aws iam attach-user-policy --user-name bob --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess
    request:
      principal: arn:aws:iam::111122223333:user/bob
      action: s3:PutObject
      resource: arn:aws:s3:::notes-111122223333/today.txt
    answer: implicitDeny

  # A task: the learner works in the console until every check holds.
  - kind: task
    id: role-for-app
    title: A role for the application
    goal: |
      The application on EC2 must read the objects of the bucket notes-111122223333, and
      nothing more. Create a role \`app\` that EC2 can assume.
    # Commands run before the learner starts, as the administrator of account 111122223333.
    setup:
      - aws s3api create-bucket --bucket notes-111122223333
      - aws s3api create-bucket --bucket payroll-111122223333
    # The task passes when all of them hold: an \`aws\` read-only command whose --query value
    # equals \`equals\`, a \`request\` that must be allowed (or \`decision: denied\`), or a \`shell\`
    # command (\`on: instance\` runs it on the newest instance).
    checks:
      - id: trusts-ec2
        title: The role app trusts EC2
        aws: aws iam get-role --role-name app --query "Role.AssumeRolePolicyDocument.Statement[0].Principal.Service"
        equals: ec2.amazonaws.com
      - id: reads-notes
        title: The role can read the notes
        request:
          principal: arn:aws:iam::111122223333:role/app
          action: s3:GetObject
          resource: arn:aws:s3:::notes-111122223333/today.txt
    # Least privilege: requests that must stay denied. \`lessons check\` widens the reference
    # solution's policies (mutants) and needs a probe to catch each over-grant.
    probes:
      - id: cannot-write
        title: It cannot change the notes
        request:
          principal: arn:aws:iam::111122223333:role/app
          action: s3:PutObject
          resource: arn:aws:s3:::notes-111122223333/today.txt
      - id: cannot-read-payroll
        title: It cannot read other buckets
        request:
          principal: arn:aws:iam::111122223333:role/app
          action: s3:GetObject
          resource: arn:aws:s3:::payroll-111122223333/salaries.csv
    # Patterns of the world that show a known misunderstanding; \`see\` names the step that
    # explains it.
    misconceptions:
      - key: admin-rights
        aws: aws iam list-attached-role-policies --role-name app --query "contains(AttachedPolicies[].PolicyName, 'AdministratorAccess')"
        feedback: AdministratorAccess gives the application the whole account.
        see: why-a-role
      - key: any-bucket
        request:
          principal: arn:aws:iam::111122223333:role/app
          action: s3:GetObject
          resource: arn:aws:s3:::payroll-111122223333/salaries.csv
        feedback: '"Resource": "*" lets the application read every bucket, not only its own.'
    # Revealed one at a time; the last may be the exact command.
    hints:
      - The role's trust policy names the service that uses it, ec2.amazonaws.com.
      - 'aws iam create-role --role-name app --assume-role-policy-document ''{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}'''
    # The reference solution: \`lessons check\` proves it passes.
    solution:
      - aws iam create-role --role-name app --assume-role-policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}'
      - aws iam put-role-policy --role-name app --policy-name read-notes --policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::notes-111122223333/*"}]}'
    # Each must fail, and show the misconception its \`feedback\` names.
    wrongSolutions:
      - name: An administrator role
        feedback: admin-rights
        commands:
          - aws iam create-role --role-name app --assume-role-policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}'
          - aws iam attach-role-policy --role-name app --policy-arn arn:aws:iam::aws:policy/AdministratorAccess
      - name: Every bucket
        feedback: any-bucket
        commands:
          - aws iam create-role --role-name app --assume-role-policy-document '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}'
          - aws iam attach-role-policy --role-name app --policy-arn arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess
`;

/** The starter lesson for the id `id`, its editor schema at `schema` (relative to the file). */
export function starterLesson(id: string, schema = 'lesson.schema.json'): string {
  const title = id.charAt(0).toUpperCase() + id.slice(1).replace(/-/g, ' ');
  return STARTER_LESSON.replace('__SCHEMA__', schema)
    .replace('__ID__', id)
    .replace('__TITLE__', title);
}
