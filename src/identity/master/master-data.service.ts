import type { Kysely } from 'kysely'
import type { ZoneHierarchy } from '../../platform/auth/index.js'
import type { FieldCipher } from '../../platform/crypto/index.js'
import type { Db } from '../../platform/db/index.js'
import { CenterService } from './center.service.js'
import type { OpeningDecision } from './center-hours.js'
import { EquipmentService } from './equipment.service.js'
import type { MasterKind } from './errors.js'
import { LifecycleService } from './lifecycle.service.js'
import type { MasterEvents } from './master-change.js'
import type { MasterTables } from './master.tables.js'
import { type OfficerStatus, OperatorService } from './operator.service.js'
import { PlacesService } from './places.service.js'
import { wasActiveAt } from './record-history.js'
import { masterZoneHierarchy } from './zone-hierarchy.js'

export interface MasterDataOptions {
  db: Db
  bus: MasterEvents
  /** The platform's field cipher: operators' names and centers' contact people are stored encrypted. */
  cipher: FieldCipher
  clock?: () => Date
}

/**
 * MOSIP's master data, as the rest of Mosaic uses it: administration (by area) and the
 * questions registration processing asks about centers, machines, devices and officers.
 */
export class MasterDataService {
  readonly zones: ZoneHierarchy
  readonly places: PlacesService
  readonly centers: CenterService
  readonly equipment: EquipmentService
  readonly operators: OperatorService
  readonly lifecycle: LifecycleService
  readonly #db: Kysely<MasterTables>

  constructor(options: MasterDataOptions) {
    this.#db = options.db.withTables<MasterTables>()
    this.zones = masterZoneHierarchy(this.#db)
    const deps = {
      db: this.#db,
      bus: options.bus,
      zones: this.zones,
      cipher: options.cipher,
      clock: options.clock ?? (() => new Date()),
    }
    this.places = new PlacesService(deps)
    this.centers = new CenterService(deps)
    this.equipment = new EquipmentService(deps)
    this.operators = new OperatorService(deps)
    this.lifecycle = new LifecycleService(deps)
  }

  /** Whether the center was open at `instant`, on its own clock (CMD "working hours" check). */
  isCenterOpenAt(centerId: string, instant: Date): Promise<OpeningDecision> {
    return this.centers.isOpenAt(centerId, instant)
  }

  /** Whether a center, machine, device or operator was active at `instant`, from its history. */
  wasActiveAt(kind: MasterKind, id: string, instant: Date): Promise<boolean> {
    return wasActiveAt(this.#db, kind, id, instant)
  }

  operatorStatus(userId: string, instant?: Date): Promise<OfficerStatus> {
    return this.operators.officerStatus(userId, instant)
  }

  /** Supervisors are operators too (MOSIP keeps the role in Keycloak, the state in user_detail). */
  supervisorStatus(userId: string, instant?: Date): Promise<OfficerStatus> {
    return this.operators.officerStatus(userId, instant)
  }
}
