// A lesson: its title and step progress, the step, and the keys of this screen. Enter goes on
// (once the step allows it), Esc goes back a step, q back home.
import { Box, Text, useInput } from 'ink';
import { useContext, useState } from 'react';
import { LearnerContext } from './learner-context.js';
import { predictOutcome, type PredictOutcome } from '../lessons/predict.js';
import { scoreLesson } from '../lessons/score.js';
import type { Outcome } from '../lessons/runner.js';
import type { Decision, Lesson } from '../lessons/schema.js';
import type { ProgressStore } from '../progress/store.js';
import { PredictStep } from './predict-step.js';
import { KeysHelp, LESSON_KEYS } from './keys-help.js';
import { completionLines, LessonSummary } from './lesson-summary.js';
import { Pager } from './pager.js';
import { printable } from './printable.js';
import { decisionLines } from './why-lines.js';
import { QuizStep, type Answer } from './quiz-step.js';
import { ReadStep } from './read-step.js';
import { TaskStep } from './task-step.js';
import { useLesson } from './use-lesson.js';

export function LessonView({
  lesson,
  next,
  store,
  onLeave,
  rows,
}: {
  lesson: Lesson;
  /** The title of the lesson after this one, to say what comes next. */
  next?: string;
  store: ProgressStore;
  onLeave: () => void;
  rows: number;
}) {
  const learner = useContext(LearnerContext);
  const { state, send, latest } = useLesson(lesson, store);
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  // A prediction's decision drawn as the flowchart, over the step, while `w` keeps it open.
  const [why, setWhy] = useState<PredictOutcome | undefined>(undefined);
  const [notice, setNotice] = useState('');
  const [help, setHelp] = useState(false);
  const index = Math.min(state.step, lesson.steps.length - 1);
  const step = lesson.steps[index];
  const inTask = step?.kind === 'task';
  useInput(
    (input, key) => {
      // A question stays open to answers until answered right (a prediction: until answered);
      // then Enter goes on, as on a read step.
      const given = step === undefined ? undefined : answers[step.id];
      const answering =
        (step?.kind === 'quiz' && given?.right !== true) ||
        (step?.kind === 'predict' && given === undefined);
      const finished = state.completed && index === lesson.steps.length - 1;
      const predicted = step?.kind === 'predict' ? answers[step.id]?.outcome : undefined;
      if (input === 'w' && predicted?.ok === true) setWhy(predicted);
      else if (input === '?') setHelp((shown) => !shown);
      else if (key.escape && help) setHelp(false);
      else if (input === 'q') onLeave();
      else if (key.escape || key.leftArrow) {
        send({ type: 'back' });
        setNotice('');
      } else if (finished && (input === 'n' || key.rightArrow || key.return)) onLeave();
      else if (input === 'n' || key.rightArrow || (key.return && !answering)) {
        const outcome = send({ type: 'next' });
        setNotice(outcome.kind === 'blocked' ? outcome.reason : '');
      }
    },
    { isActive: !inTask && why === undefined },
  );
  if (step === undefined) return <Text>This lesson has no steps.</Text>;
  // The runner judges an answer; the view keeps what it said, to show it.
  const answered = (outcome: Outcome, prediction?: PredictOutcome) => {
    setNotice('');
    if (outcome.kind !== 'answered') return;
    const { right, feedback } = outcome;
    setAnswers((before) => ({
      ...before,
      [step.id]: { right, feedback, ...(prediction ? { outcome: prediction } : {}) },
    }));
  };
  const answerQuiz = (choices: number[]) => {
    answered(send({ type: 'answer-quiz', choices }));
  };
  const answerPredict = (decision: Decision) => {
    if (step.kind !== 'predict') return;
    answered(send({ type: 'answer-predict', decision }), predictOutcome(lesson, step, learner));
  };
  const answer = answers[step.id];
  const saved = state.steps[step.id];
  if (why?.ok === true) {
    return (
      <Pager
        lines={decisionLines(why.authorization, why.deniedMessage)}
        height={rows}
        footer="Why, step by step · ↑/↓ scroll · Esc back"
        onClose={() => {
          setWhy(undefined);
        }}
      />
    );
  }
  return (
    <Box flexDirection="column">
      <Text bold>
        {printable(lesson.title)} · Step {index + 1}/{lesson.steps.length}
      </Text>
      <Box marginTop={1} flexDirection="column">
        {step.kind === 'read' ? <ReadStep step={step} /> : null}
        {step.kind === 'quiz' ? (
          <QuizStep
            key={step.id}
            step={step}
            answer={answer}
            onAnswer={answerQuiz}
            isActive={answer?.right !== true}
          />
        ) : null}
        {step.kind === 'predict' ? (
          <PredictStep
            key={step.id}
            step={step}
            answer={answer}
            onAnswer={answerPredict}
            isActive={answer === undefined}
          />
        ) : null}
        {step.kind === 'task' ? (
          <TaskStep
            key={step.id}
            lesson={lesson}
            step={step}
            saved={saved?.kind === 'task' ? saved.world : undefined}
            send={send}
            completion={() => completionLines(scoreLesson(lesson, latest()), next)}
            // Under the title and its margin; above a notice.
            height={rows - 3}
            onLeave={onLeave}
          />
        ) : null}
      </Box>
      {notice ? <Text color="yellow">{printable(notice)}</Text> : null}
      {state.completed && index === lesson.steps.length - 1 && !inTask ? (
        <LessonSummary score={scoreLesson(lesson, state)} next={next} />
      ) : null}
      {help && !inTask ? <KeysHelp keys={LESSON_KEYS} /> : null}
      {/* A task's console says its own words and keys. */}
      {inTask ? null : (
        <Text dimColor>
          {step.kind === 'read'
            ? '?: keys · Enter or →: next · Esc or ←: previous step · q: home'
            : '?: keys · Enter: answer · n or →: next · Esc or ←: previous step · q: home'}
        </Text>
      )}
    </Box>
  );
}
