package pdfasm

import "strconv"

// The assembly's part of tagging: the structure tree of one output
// document, written from the pages' trees and the element of each
// marked-content id (Page.MCIDs); the link annotations as objects in the
// tree (Link with OBJR, /Contents); and, per page, /StructParents and,
// with annotations, /Tabs /S.
//
// The trees are inputs, never changed: a part can be written as many
// documents. What one document needs — its elements' numbers, their
// marked content, their annotations — is made while it is written, in
// flat arrays over all its elements.

// structure is the tagging of one output document.
type structure struct {
	objs     []pdfObject    // the link annotations
	elements objectRun      // the structure elements, after objs
	rootObj  pdfObject      // the StructTreeRoot, after the elements
	extra    map[int][]byte // page object -> entries added to its dictionary
	root     int            // the StructTreeRoot's number
}

// elements are the elements of one document, in the order they are
// numbered: the Document (element 0), then each tree's, then the Link
// elements of links that have none in a tree (orphans).
type elements struct {
	trees []*Tree
	base  []int32 // the element of each tree's root
	n     int32   // the Document's and the trees' (the orphans follow)
}

// writeStructure writes the structure tree of the document of pages whose
// page objects are kids, numbering objects from next; height is the page
// height in points.
func writeStructure(pages []Page, height float64, kids []int, next int) structure {
	out := structure{extra: map[int][]byte{}}

	// The Document's children: each tree, in the order of the first page
	// of it; then a Link for each link whose element is in no tree.
	var el elements
	treeOf := map[*Tree]int32{} // tree -> its index in el.trees
	el.n = 1                    // the Document
	for _, p := range pages {
		if t := p.Tree; t != nil {
			if _, ok := treeOf[t]; !ok {
				treeOf[t] = int32(len(el.trees))
				el.trees = append(el.trees, t)
				el.base = append(el.base, el.n)
				el.n += int32(t.Len())
			}
		}
	}
	pageBase := make([]int32, len(pages)) // the element of each page's tree's root
	for i, p := range pages {
		if p.Tree != nil {
			pageBase[i] = el.base[treeOf[p.Tree]]
		}
	}
	// elem is the document's element for element e of page i's tree, -1
	// for none.
	elem := func(i int, e int32) int32 {
		if t := pages[i].Tree; t == nil || e < 0 || int(e) >= t.Len() {
			return -1
		}
		return pageBase[i] + e
	}

	// The annotations: one object per link, each with its StructParent
	// key after the pages'; a link without an element gets a Link of the
	// Document.
	var annots []annot
	nOrphans := int32(0)
	key := len(pages)
	for i := range pages {
		for _, l := range pages[i].Links {
			if l.Target < 0 || l.Target >= len(pages) {
				continue
			}
			e := elem(i, l.Elem)
			if e < 0 {
				e = el.n + nOrphans
				nOrphans++
			}
			annots = append(annots, annot{num: next, key: key, page: i, l: l, elem: e})
			next++
			key++
		}
	}
	total := int(el.n + nOrphans)

	// Per element: its annotations (few elements have one), and its marked
	// content as a run of one array: counted (mcAt[e+2]), summed, then
	// filled in order with mcAt[e+1] as the cursor, which leaves mcAt[e]
	// the start of e's run and mcAt[e+1] its end.
	objr := map[int32][]int32{} // element -> annotation indices
	for k, a := range annots {
		objr[a.elem] = append(objr[a.elem], int32(k))
	}
	mcAt := make([]int32, total+2)
	for i := range pages {
		for _, e := range pages[i].MCIDs {
			if c := elem(i, e); c >= 0 {
				mcAt[c+2]++
			}
		}
	}
	for i := 2; i < total+2; i++ {
		mcAt[i] += mcAt[i-1]
	}
	mcs := make([]mcRef, mcAt[total+1])
	for i := range pages {
		for mcid, e := range pages[i].MCIDs {
			if c := elem(i, e); c >= 0 {
				mcs[mcAt[c+1]] = mcRef{int32(i), int32(mcid)}
				mcAt[c+1]++
			}
		}
	}

	// Numbers: the root, the Document, then every element in order.
	rootNum := next
	first := next + 1 // the Document's number; element i is first+i
	num := func(i int32) int { return first + int(i) }
	orphans := int32(total) - el.n

	b := make([]byte, 0, 200*len(annots))
	out.objs = make([]pdfObject, 0, len(annots))
	for _, a := range annots {
		s := len(b)
		l := a.l
		b = strconv.AppendInt(b, int64(a.num), 10)
		b = append(b, " 0 obj\n<</Type /Annot /Subtype /Link /Rect ["...)
		b = appendFloats(b, l.Rect[0], l.Rect[1], l.Rect[2], l.Rect[3])
		b = append(b, "] /Border [0 0 0] /F 4 /Dest ["...)
		b = strconv.AppendInt(b, int64(kids[l.Target]), 10)
		b = append(b, " 0 R /XYZ 0 "...)
		b = appendFloats(b, height)
		b = append(b, " null] /Contents "...)
		b = append(b, textString(l.Contents)...)
		b = append(b, " /StructParent "...)
		b = strconv.AppendInt(b, int64(a.key), 10)
		b = append(b, ">>\nendobj\n"...)
		out.objs = append(out.objs, pdfObject{num: a.num, body: b[s:len(b):len(b)]})
	}

	// The root, with the parent tree: per page, the element of each
	// marked-content id; per annotation, its Link.
	b = make([]byte, 0, 12*total+16*len(annots)+16*len(pages)+128)
	b = strconv.AppendInt(b, int64(rootNum), 10)
	b = append(b, " 0 obj\n<</Type /StructTreeRoot /K "...)
	b = strconv.AppendInt(b, int64(num(0)), 10)
	b = append(b, " 0 R /ParentTree <</Nums ["...)
	for i := range pages {
		b = append(b, '\n')
		b = strconv.AppendInt(b, int64(i), 10)
		b = append(b, " ["...)
		for j, e := range pages[i].MCIDs {
			if j > 0 {
				b = append(b, ' ')
			}
			if c := elem(i, e); c >= 0 {
				b = strconv.AppendInt(b, int64(num(c)), 10)
				b = append(b, " 0 R"...)
			} else {
				b = append(b, "null"...)
			}
		}
		b = append(b, ']')
	}
	for _, a := range annots {
		b = append(b, '\n')
		b = strconv.AppendInt(b, int64(a.key), 10)
		b = append(b, ' ')
		b = strconv.AppendInt(b, int64(num(a.elem)), 10)
		b = append(b, " 0 R"...)
	}
	b = append(b, "]>> /ParentTreeNextKey "...)
	b = strconv.AppendInt(b, int64(key), 10)
	b = append(b, ">>\nendobj\n"...)
	rootObj := pdfObject{num: rootNum, body: b[:len(b):len(b)]}
	out.root = rootNum

	// The pages' entries.
	perPage := make([][]int, len(pages))
	for _, a := range annots {
		perPage[a.page] = append(perPage[a.page], a.num)
	}
	for i := range pages {
		var e []byte
		e = append(e, "/StructParents "...)
		e = strconv.AppendInt(e, int64(i), 10)
		e = append(e, '\n')
		if len(perPage[i]) > 0 {
			e = append(e, "/Tabs /S\n/Annots ["...)
			for j, a := range perPage[i] {
				if j > 0 {
					e = append(e, ' ')
				}
				e = strconv.AppendInt(e, int64(a), 10)
				e = append(e, " 0 R"...)
			}
			e = append(e, "]\n"...)
		}
		out.extra[kids[i]] = e
	}

	// The elements are written on demand, as they are packed (compact.go):
	// a booklet's would be most of its memory.
	w := &elementWriter{el: el, kids: kids, annots: annots, objr: objr, mcs: mcs, mcAt: mcAt,
		first: first, rootNum: rootNum, orphans: orphans, tree: -1}
	out.elements = objectRun{first: first, n: total, write: w.write}
	out.rootObj = rootObj
	return out
}

// annot is a link annotation of the document.
type annot struct {
	num, key, page int
	l              Link
	elem           int32 // its element
}

func appendFloats(b []byte, vs ...float64) []byte {
	for i, v := range vs {
		if i > 0 {
			b = append(b, ' ')
		}
		b = strconv.AppendFloat(b, v, 'f', 2, 64)
	}
	return b
}
