'use client'
import { createContext, useContext } from 'react'

/** What the ticket table needs to draw its checkbox column; absent when the list has no bulk actions. */
export type BulkSelectionState = {
  isSelected: (id: string) => boolean
  toggle: (id: string) => void
  /** Ticks or clears every row of this page. */
  togglePage: () => void
  page: 'none' | 'some' | 'all'
}

export const BulkSelectionContext = createContext<BulkSelectionState | null>(null)

export const useBulkSelection = () => useContext(BulkSelectionContext)
