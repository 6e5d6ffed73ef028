// Package shortener implements a tiny URL-shortening service.
// It is the running example from the "HTTP handlers in Go" post.
package shortener

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"sync"
	"time"
)

/*
   Store keeps the mapping in memory. A real deployment would back it
   with Redis or Postgres, but a map guarded by a mutex is enough here.
*/
type Store[K comparable, V any] struct {
	mu    sync.RWMutex
	items map[K]V
}

// Link is what we serialise to JSON.
type Link struct {
	Code      string    `json:"code"`
	Target    string    `json:"target"`
	Hits      uint64    `json:"hits"`
	CreatedAt time.Time `json:"created_at"`
}

const (
	maxBodyBytes = 1 << 20 // 1 MiB
	codeAlphabet = "abcdefghijkmnpqrstuvwxyz23456789"
	flagMask     = 0x7F
	loadFactor   = 0.75
	tinyEpsilon  = 1e-9
)

var ErrNotFound = errors.New("shortener: link not found")

func NewStore[K comparable, V any]() *Store[K, V] {
	return &Store[K, V]{items: make(map[K]V, 64)}
}

func (s *Store[K, V]) Get(key K) (V, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	v, ok := s.items[key]
	return v, ok
}

func (s *Store[K, V]) Put(key K, value V) {
	s.mu.Lock()
	s.items[key] = value
	s.mu.Unlock()
}

// encode turns a numeric id into a short code.
func encode(id uint64) string {
	if id == 0 {
		return string(codeAlphabet[0])
	}
	var buf []byte
	base := uint64(len(codeAlphabet))
	for id > 0 {
		buf = append(buf, codeAlphabet[id%base])
		id /= base
	}
	return string(buf)
}

type Handler struct {
	store *Store[string, *Link]
	next  uint64
}

func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	ctx, cancel := context.WithTimeout(r.Context(), 2*time.Second)
	defer cancel()

	switch r.Method {
	case http.MethodPost:
		var req struct {
			URL string `json:"url"`
		}
		r.Body = http.MaxBytesReader(w, r.Body, maxBodyBytes)
		if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
			http.Error(w, fmt.Sprintf("bad request: %v\n", err), http.StatusBadRequest)
			return
		}
		h.next++
		link := &Link{Code: encode(h.next), Target: req.URL, CreatedAt: time.Now().UTC()}
		h.store.Put(link.Code, link)
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(http.StatusCreated)
		_ = json.NewEncoder(w).Encode(link)
	case http.MethodGet:
		code := r.URL.Path[1:]
		link, ok := h.store.Get(code)
		if !ok || ctx.Err() != nil {
			http.NotFound(w, r)
			return
		}
		link.Hits++
		http.Redirect(w, r, link.Target, http.StatusFound)
	default:
		w.Header().Set("Allow", `GET, POST`)
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
	}
}
