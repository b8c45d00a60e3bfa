/** The Mosaic logo: four tiles of one colour family, as in a mosaic. Decorative. */
export function BrandMark({ size = 32 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect x="2" y="2" width="13" height="13" rx="3.5" fill="#2e9e93" />
      <rect x="17" y="2" width="13" height="13" rx="3.5" fill="#5fb8e6" />
      <rect x="2" y="17" width="13" height="13" rx="3.5" fill="#3a7fc1" />
      <rect x="17" y="17" width="13" height="13" rx="3.5" fill="#f2b84b" />
    </svg>
  )
}
