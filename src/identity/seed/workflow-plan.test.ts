import { describe, expect, it } from 'vitest'
import { routes, type Next } from '../regprc/engine/route-table.js'
import { stageNames, syncTypes, type StageName, type SyncType } from '../regprc/index.js'
import { outcomeRates, type Outcome } from './outcome-rates.js'
import { planWorkflow } from './workflow-plan.js'

const hints = [
  undefined,
  'manual-adjudication',
  'verification',
  'abis-handler',
  'uin-generator',
] as const
const bools = [true, false]

/** Every stage the route table allows after `stage` for `type`, over all tags and hints. */
function allowedAfter(type: SyncType, stage: StageName): Set<Next> {
  const step = routes[type].steps[stage]
  const next = new Set<Next>()
  if (!step) return next
  for (const ageGroup of ['INFANT', 'MINOR', 'ADULT'] as const)
    for (const hasOfficer of bools)
      for (const hasSupervisor of bools)
        for (const hasBiometrics of bools)
          for (const allBiometricExceptions of bools)
            for (const hint of hints)
              next.add(
                step({
                  tags: () => ({
                    ageGroup,
                    introducerAvailable: false,
                    hasOfficer,
                    hasSupervisor,
                    hasBiometrics,
                    allBiometricExceptions,
                  }),
                  hint: hint as StageName | undefined,
                }),
              )
  return next
}

const outcomes = (type: SyncType): Outcome[] => [
  'processed',
  ...outcomeRates[type].map(([outcome]) => outcome),
]

describe('planWorkflow follows the registration processor routes', () => {
  for (const type of syncTypes) {
    it(`${type}: every planned history is a walk the route table allows`, () => {
      for (const outcome of outcomes(type))
        for (const ageGroup of ['INFANT', 'MINOR', 'ADULT'] as const)
          for (const hasSupervisor of bools) {
            const plan = planWorkflow({
              type,
              outcome,
              ageGroup,
              hasSupervisor,
              introducerInvalid: false,
              delay: (min) => min,
            })
            const stages = plan.steps
              .map((s) => s.stage)
              .filter((s): s is StageName => s !== 'reprocessor')
            const walk = stages.filter((stage, i) => stage !== stages[i - 1])
            expect(walk[0]).toBe(routes[type].first)
            for (let i = 1; i < walk.length; i++) {
              const from = walk[i - 1] as StageName
              expect(
                [...allowedAfter(type, from)],
                `${type}/${outcome}: ${from} -> ${walk[i]}`,
              ).toContain(walk[i])
            }
            expect(stageNames).toEqual(expect.arrayContaining(walk))
            if (plan.status === 'PROCESSED') {
              const last = walk.at(-1) as StageName
              expect(allowedAfter(type, last)).toContain('complete-as-processed')
            }
          }
    })
  }

  it('ends failures at the stage that failed, with FAILED or (after dedupe) REJECTED', () => {
    const quality = planWorkflow({
      type: 'NEW',
      outcome: 'quality-low',
      ageGroup: 'ADULT',
      hasSupervisor: true,
      introducerInvalid: false,
      delay: (min) => min,
    })
    expect(quality.status).toBe('FAILED')
    expect(quality.steps.at(-1)).toMatchObject({
      stage: 'quality-classifier',
      sub: 'BIOMETRIC_QUALITY_CHECK_FAILED',
    })
    const rejected = planWorkflow({
      type: 'NEW',
      outcome: 'demo-match-rejected',
      ageGroup: 'ADULT',
      hasSupervisor: false,
      introducerInvalid: false,
      delay: (min) => min,
    })
    expect(rejected.status).toBe('REJECTED')
    expect(rejected.steps.at(-1)).toMatchObject({
      stage: 'manual-adjudication',
      status: 'REJECTED',
    })
    const child = planWorkflow({
      type: 'NEW',
      outcome: 'processed',
      ageGroup: 'MINOR',
      hasSupervisor: false,
      introducerInvalid: true,
      delay: (min) => min,
    })
    expect(child.steps.at(-1)).toMatchObject({ stage: 'introducer-validator', status: 'FAILED' })
  })
})
