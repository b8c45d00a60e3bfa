import { useEffect, useState } from 'react'
import { openLiveConnection, type LiveState } from './live-connection.js'
import type { LiveSnapshot } from './live-snapshot.js'
import { useReporting } from './reporting-context.js'

/** The latest live snapshot and the connection's state, while the component is mounted. */
export function useLiveSnapshot(): {
  snapshot: LiveSnapshot | null
  state: LiveState
  error: unknown
} {
  const { api } = useReporting()
  const [snapshot, setSnapshot] = useState<LiveSnapshot | null>(null)
  const [state, setState] = useState<LiveState>('connecting')
  const [error, setError] = useState<unknown>(undefined)
  useEffect(
    () =>
      openLiveConnection(api, {
        onSnapshot: setSnapshot,
        onState: (next, failure) => {
          setState(next)
          setError(failure)
        },
      }),
    [api],
  )
  return { snapshot, state, error }
}
