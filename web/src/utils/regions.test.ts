// The picker's tree cut at the counties, for fields that take no town (a pair's sides, an
// enterprise's origin): counties become leaves, the levels above keep their children.
import { describe, expect, it } from 'vitest'
import { downToCounties, type PickerRegion } from './regions'

const tree: PickerRegion[] = [
  {
    code: '520000', name: '贵州省', level: 'province',
    children: [{
      code: '522700', name: '黔南州', level: 'city',
      children: [{ code: '522727', name: '平塘县', level: 'county', children: [{ code: '522727200', name: '卡蒲毛南族乡', level: 'town' }] }],
    }],
  },
]

describe('downToCounties', () => {
  it('makes counties leaves and drops what lies below them', () => {
    const cut = downToCounties(tree)
    const county = cut[0].children![0].children![0]
    expect(county).toMatchObject({ code: '522727', leaf: true })
    expect(county.children).toBeUndefined()
    expect(cut[0].leaf).toBeUndefined()
    expect(cut[0].children![0].leaf).toBeUndefined()
  })

  it('leaves the tree it was given unchanged', () => {
    downToCounties(tree)
    expect(tree[0].children![0].children![0].children).toHaveLength(1)
  })
})
